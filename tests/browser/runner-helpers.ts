/**
 * Shared steps of the runner's browser tests: find the examples each built page shows,
 * wake one, run it, read its output, edit its code.
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { ROOT } from "./lib";

export const DIST = join(ROOT, "dist");
export const END_STATES = ["done", "stopped", "limit-time", "limit-lines", "limit-chars", "crashed", "idle"];

/** Every built page (by path under the site root) and the example ids it shows, in order. */
export function pagesWithExamples(): { path: string; ids: string[] }[] {
  const out: { path: string; ids: string[] }[] = [];
  for (const dir of readdirSync(DIST, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name.startsWith("_") || dir.name === "embed" || dir.name === "playground") continue;
    const file = join(DIST, dir.name, "index.html");
    if (!existsSync(file)) continue;
    const html = readFileSync(file, "utf8");
    const ids = [...html.matchAll(/<asyncio-example[^>]*\bdata-id="([a-z0-9-]+)"/g)].map((m) => m[1]);
    if (ids.length) out.push({ path: `${dir.name}/`, ids });
  }
  return out;
}

export function expectedOutput(id: string): string {
  return readFileSync(join(ROOT, "content", "examples", id, "expected.txt"), "utf8").replace(/\s+$/, "");
}

/** The example's element, scrolled into view and awake (its toolbar shown). */
export async function wake(page: Page, id: string): Promise<Locator> {
  const root = page.locator(`asyncio-example[data-id="${id}"]`).first();
  const bar = root.locator(".ex-bar:not([hidden])");
  // Scrolled to again if it has not woken after a while: a reload's scroll restoration
  // can land after the first scroll, as it would under a reader's eyes.
  for (let tries = 1; ; tries++) {
    await root.scrollIntoViewIfNeeded();
    try {
      await bar.waitFor({ timeout: 10_000 });
      return root;
    } catch (error) {
      if (tries < 3) continue;
      await explain(error);
    }
  }

  async function explain(error: unknown): Promise<never> {
    // Say what the page knew: whether the example began to wake, who answered its script.
    const state = await root.evaluate((el) => ({
      awake: (el as HTMLElement).dataset.awake ?? null,
      // Where it is: the island wakes it within 300 px of the viewport.
      top: Math.round(el.getBoundingClientRect().top),
      bottom: Math.round(el.getBoundingClientRect().bottom),
      viewport: innerHeight,
      scrollY: Math.round(scrollY),
      // Whether the island's script ran at all (it defines the element), and how the
      // page's scripts arrived: status 0 is a failed fetch.
      defined: customElements.get("asyncio-example") !== undefined,
      readyState: document.readyState,
      serviceWorker: navigator.serviceWorker?.controller?.state ?? "none",
      scripts: performance
        .getEntriesByType("resource")
        .filter((e) => /\/_astro\/[^/]+\.js/.test(e.name))
        .map((e) => `${e.name.replace(/^.*\/_astro\//, "").replace(/\?.*$/, "")} ${(e as PerformanceResourceTiming).responseStatus} in ${Math.round(e.duration)} ms`),
    }));
    throw new Error(`example ${id} did not wake: ${JSON.stringify(state)}`, { cause: error });
  }
}

export async function setClock(root: Locator, clock: "virtual" | "real"): Promise<void> {
  await root.locator(`.ex-clock input[value="${clock}"] + label`).click();
}

/** Waits until the example's current run has ended; returns how it ended. */
export async function waitForEnd(root: Locator, timeout = 20_000): Promise<string> {
  await root.page().waitForFunction(
    ([el, states]) => states.includes(el?.getAttribute("data-state") ?? ""),
    [await root.elementHandle(), END_STATES] as const,
    { timeout },
  );
  return (await root.getAttribute("data-state")) ?? "";
}

/** Clicks Run and waits for the end. */
export async function run(root: Locator, timeout?: number): Promise<string> {
  await root.locator('[data-act="run"]').click();
  return waitForEnd(root, timeout);
}

/** What the program printed to stdout (console.log / info), one line each, no timestamps. */
export async function stdout(root: Locator): Promise<string> {
  return root.locator(".ex-line--log .ex-text, .ex-line--info .ex-text").evaluateAll((els) =>
    els.map((e) => e.textContent ?? "").join("\n"),
  );
}

/** Error and limit lines shown in the output, as text (both languages as rendered). */
export async function failures(root: Locator): Promise<string> {
  return root.locator(".ex-line--fail .ex-text").evaluateAll((els) => els.map((e) => e.textContent ?? "").join("\n"));
}

/** Opens the editor of the code tab `language` (first click loads CodeMirror) and replaces the whole code. */
export async function replaceCode(root: Locator, code: string, language: "ts" | "py" = "ts"): Promise<void> {
  const page = root.page();
  const box = `.ex-code--${language}`;
  if ((await root.locator(`${box} .cm-editor`).count()) === 0) {
    await root.locator(`${box} pre:not([hidden])`).first().click();
    await root.locator(`${box} .cm-editor`).waitFor();
  }
  await root.locator(`${box} .cm-content`).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** Shows the example's Python tab. */
export async function pythonTab(root: Locator): Promise<void> {
  await root.locator(".ex-views .ex-view-py + label").click();
}

/** Opens the Python editor and replaces the whole code. */
export async function replacePython(root: Locator, code: string): Promise<void> {
  await replaceCode(root, code, "py");
}

/**
 * The code as the editor holds it: the whole document, not only the lines drawn in the
 * viewport. CodeMirror keeps its view where EditorView.findFromDOM looks: on the content
 * element's tile (`cmTile.root.view`; `cmView.view` in versions before tiles).
 */
export async function editorText(root: Locator): Promise<string> {
  return root.locator(".cm-content").evaluate((el) => {
    type View = { state: { doc: { toString(): string } } };
    const dom = el as unknown as { cmTile?: { root?: { view?: View } }; cmView?: { view?: View } };
    const view = dom.cmTile?.root?.view ?? dom.cmView?.view;
    if (!view) throw new Error("editorText: no CodeMirror view on .cm-content");
    return view.state.doc.toString();
  });
}
