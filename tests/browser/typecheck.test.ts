/**
 * The editor's type service: loaded only after an editor opens; diagnostics with the
 * compiler's message and a count near Run; the bilingual hint for `yield` where
 * `yield*` was meant; hovers with the library's doc comments; completion after
 * `asyncio.`; keyboard use (F8, the problem list, Esc then Tab past the completion
 * popup); axe with diagnostics shown in both themes; Run never blocked.
 */
import { join } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { findChromium, ROOT } from "./lib";
import { replaceCode, run, setClock, stdout, wake } from "./runner-helpers";
import { useBrowserSite } from "./session";

const chromium = findChromium();
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const ID = "hello-asyncio";
const PAGE = "intro/";
const typecheck = (u: string) => /\/_runner\/typecheck\.js/.test(u);

/** Waits for the count near Run to read `n` problems (the count's own button text). */
async function count(root: Locator): Promise<number> {
  const button = root.locator(".ex-types-count");
  if (await button.isHidden()) return 0;
  return Number(/\d+/.exec((await button.locator(".l-en").textContent()) ?? "")?.[0] ?? "0");
}

async function waitForCount(root: Locator, predicate: (n: number) => boolean, timeout = 60_000): Promise<number> {
  const start = Date.now();
  for (;;) {
    const n = await count(root);
    if (predicate(n)) return n;
    if (Date.now() - start > timeout) throw new Error(`type problem count stayed at ${n}`);
    await root.page().waitForTimeout(50);
  }
}

/**
 * Puts `code` in the editor and waits for the service's diagnostics for it. The wait is a
 * ceiling, not a budget (bench/typecheck.ts measures): a fresh page starts the service
 * cold, which takes long on a loaded machine.
 */
async function check(root: Locator, code: string): Promise<void> {
  await replaceCode(root, code);
  await root.locator(".cm-lintRange").first().waitFor({ timeout: 80_000 });
}

/** True if the element's top and bottom edges are both what the page shows at those points. */
async function wholeOnScreen(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const shows = (y: number): boolean => el.contains(document.elementFromPoint(r.left + r.width / 2, y));
    return shows(r.top + 3) && shows(r.bottom - 3);
  });
}

describe.skipIf(!chromium)("type service", () => {
  const env = useBrowserSite(chromium, { page: true });
  const requests: string[] = [];
  let page: Page;

  beforeAll(() => {
    page = env.page;
    page.on("request", (r) => requests.push(r.url()));
  });

  /**
   * The example on the test page, opening the page first when a test runs alone
   * (`-t`); run in order, the tests share the page the first one opened.
   */
  async function onPage(): Promise<Locator> {
    if (!page.url().startsWith(env.site.url + PAGE)) await page.goto(env.site.url + PAGE);
    return wake(page, ID);
  }

  it("is not requested on page load, nor before an editor opens", async () => {
    await page.goto(env.site.url + PAGE);
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += 400) {
        scrollTo(0, y);
        await new Promise((ok) => requestAnimationFrame(ok));
      }
    });
    await page.waitForLoadState("networkidle");
    const root = await wake(page, ID);
    await setClock(root, "virtual");
    expect(await run(root)).toBe("done");
    await page.waitForTimeout(500);
    expect(requests.filter(typecheck)).toEqual([]);
    await root.locator(".ex-code--ts pre").first().focus();
    await root.locator(".cm-editor").waitFor();
    await page.waitForRequest((r) => typecheck(r.url()), { timeout: 10_000 });
    expect(requests.filter(typecheck).length).toBe(1);
  });

  it("underlines a type error on its line, with the compiler's message and a count near Run", async () => {
    const root = await onPage();
    await check(root, `import * as asyncio from "asyncio";\nconst n: number = "one";\nconsole.log(n, asyncio.FIRST_COMPLETED);\n`);
    expect(await waitForCount(root, (n) => n === 1)).toBe(1);
    const range = root.locator(".cm-lintRange-error").first();
    expect(await range.textContent()).toBe("n");
    const line = await range.evaluate((el) => el.closest(".cm-line")?.textContent ?? "");
    expect(line).toBe(`const n: number = "one";`);
    // The count sits right after Run; Run still runs code that does not type-check.
    expect(await root.locator('[data-act="run"] + .ex-types .ex-types-count').isVisible()).toBe(true);
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe("one FIRST_COMPLETED");
    await range.hover();
    const tip = page.locator(".cm-tooltip-lint");
    await tip.waitFor();
    expect(await tip.textContent()).toContain("Type 'string' is not assignable to type 'number'.");
    // In TypeScript's own Korean too; the reading mode decides which shows (Both: the two).
    expect(await tip.locator(".tc-msg .l-ko").textContent()).toBe("'string' 형식은 'number' 형식에 할당할 수 없습니다.");
    expect(await tip.locator(".tc-msg .l-en").textContent()).toBe("Type 'string' is not assignable to type 'number'.");
    const mode = await page.evaluate(() => document.documentElement.dataset.lang);
    expect([mode, await tip.locator(".tc-msg .l-ko").isVisible(), await tip.locator(".tc-msg .l-en").isVisible()]).toEqual([
      mode,
      mode !== "en",
      mode !== "ko",
    ]);
    // The count is about the TypeScript: the Python tab does not show it, and it is back on return.
    await root.locator(".ex-views .ex-view-py + label").click();
    expect(await root.locator(".ex-types-count").isVisible()).toBe(false);
    await root.locator(".ex-views .ex-view-ts + label").click();
    expect(await root.locator(".ex-types-count").isVisible()).toBe(true);
  });

  it("catches `yield` where `yield*` was meant, with the hint in both languages", async () => {
    const root = await onPage();
    await check(
      root,
      `import * as asyncio from "asyncio";\nfunction* main(): asyncio.Coroutine<void> {\n  yield asyncio.sleep(1);\n}\nawait asyncio.run(main());\n`,
    );
    await root.locator(".cm-lintRange-error").first().hover();
    const tip = page.locator(".cm-tooltip-lint");
    await tip.waitFor();
    // The hint's backquoted words show as code, not as backquotes.
    expect(await tip.locator(".tc-hint .l-en").textContent()).toContain("Python's await x is yield* x here.");
    expect(await tip.locator(".tc-hint .l-ko").textContent()).toContain("파이썬의 await x는 여기서 yield* x입니다.");
    expect(await tip.locator(".tc-hint .l-en code").allTextContents()).toEqual(["await x", "yield* x", "yield"]);
    expect(await tip.locator(".tc-msg").textContent()).toContain("Suspension");
  });

  it("flags `await` in a coroutine and a coroutine called without `yield*`", async () => {
    const root = await onPage();
    await check(
      root,
      `import * as asyncio from "asyncio";\nfunction* main(): asyncio.Coroutine<void> {\n  asyncio.sleep(1);\n  await asyncio.sleep(1);\n}\nawait asyncio.run(main());\n`,
    );
    expect(await waitForCount(root, (n) => n === 2)).toBe(2);
    const ranges = root.locator(".cm-lintRange");
    await ranges.nth(0).hover();
    expect(await page.locator(".cm-tooltip-lint .tc-hint .l-en").textContent()).toContain("never awaited");
    await page.mouse.move(0, 0);
    await page.locator(".cm-tooltip-lint").waitFor({ state: "detached" });
    await ranges.nth(1).hover();
    expect(await page.locator(".cm-tooltip-lint .tc-hint .l-en").textContent()).toContain("not await");
  });

  it("shows the library's doc comment, with its Python line, on hovering asyncio.sleep", async () => {
    const root = await onPage();
    await replaceCode(root, `import * as asyncio from "asyncio";\nfunction* main(): asyncio.Coroutine<void> {\n  yield* asyncio.sleep(1);\n}\nawait asyncio.run(main());\n`);
    await waitForCount(root, (n) => n === 0);
    const sleep = root.locator(".cm-line", { hasText: "yield* asyncio.sleep(1)" }).getByText("sleep", { exact: false }).first();
    const box = await sleep.boundingBox();
    if (!box) throw new Error("no sleep on screen");
    // Point at the word "sleep" inside `yield* asyncio.sleep(1);`.
    const text = (await sleep.textContent()) ?? "";
    const at = text.indexOf("sleep");
    const charWidth = box.width / Math.max(text.length, 1);
    await page.mouse.move(box.x + charWidth * (at + 2), box.y + box.height / 2);
    const tip = page.locator(".tc-hover");
    await tip.waitFor({ timeout: 10_000 });
    expect(await tip.locator(".tc-sig").textContent()).toContain("sleep");
    expect(await tip.locator(".tc-python code").textContent()).toBe("asyncio.sleep(delay, result=None)");
    expect(await tip.locator(".tc-example").textContent()).toContain("yield* asyncio.sleep(1)");
    // All of it on screen: nothing of the example (its code box scrolls) cuts it off.
    expect(await wholeOnScreen(tip)).toBe(true);
    await page.mouse.move(0, 0);
    await tip.waitFor({ state: "detached" });

    // From the keyboard: the cursor on `sleep`, then Ctrl+K Ctrl+I; the next key closes it.
    await sleep.click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(600); // past the pointer's hover delay: nothing shows on its own
    expect(await tip.count()).toBe(0);
    await page.keyboard.press("ControlOrMeta+k");
    await page.keyboard.press("ControlOrMeta+i");
    await tip.waitFor({ timeout: 10_000 });
    expect(await tip.locator(".tc-python code").textContent()).toBe("asyncio.sleep(delay, result=None)");
    await page.keyboard.press("End");
    await tip.waitFor({ state: "detached" });
  });

  it("shows a built-in's description too, on hovering Array.prototype.map", async () => {
    const root = await onPage();
    await replaceCode(root, `const xs = [1, 2].map((x) => x * 2);\nconsole.log(xs);\n`);
    await waitForCount(root, (n) => n === 0);
    const map = root.locator(".cm-line", { hasText: "[1, 2].map" }).getByText("map", { exact: false }).first();
    const box = await map.boundingBox();
    if (!box) throw new Error("no map on screen");
    // Point at the word "map" inside the highlighted token that holds it.
    const text = (await map.textContent()) ?? "";
    const charWidth = box.width / Math.max(text.length, 1);
    await page.mouse.move(box.x + charWidth * (text.indexOf("map") + 1.5), box.y + box.height / 2);
    const tip = page.locator(".tc-hover");
    await tip.waitFor({ timeout: 10_000 });
    expect(await tip.locator(".tc-sig").textContent()).toContain("map<");
    const doc = tip.locator(".tc-doc");
    expect(await doc.textContent()).toContain("Calls a defined callback function on each element of an array");
    expect(await doc.getAttribute("lang")).toBe("en");
    expect(await wholeOnScreen(tip)).toBe(true);
  });

  it("completes after `asyncio.` with gather, and Esc (closing the list) then Tab leaves the editor", async () => {
    const root = await onPage();
    await replaceCode(root, `import * as asyncio from "asyncio";\nconst g = asyncio`);
    await page.keyboard.type(".ga");
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "gather" });
    await option.first().waitFor({ timeout: 10_000 });
    // Beside the selected option, its doc comment and Python line, as a hover shows them.
    const info = page.locator(".cm-completionInfo .tc-doc");
    await info.waitFor({ timeout: 10_000 });
    expect(await info.textContent()).toContain("Run the awaitables concurrently");
    expect(await page.locator(".cm-completionInfo .tc-python code").textContent()).toContain("asyncio.gather");
    expect(await wholeOnScreen(page.locator(".cm-completionInfo"))).toBe(true);
    // One Esc closes the list and, as everywhere in the editor, lets the next Tab leave.
    await page.keyboard.press("Escape");
    expect(await page.locator(".cm-tooltip-autocomplete").count()).toBe(0);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".cm-editor") ?? null)).toBeNull();
  });

  it("moves between problems with the keyboard: F8, and the list (Ctrl+Shift+M, Enter)", async () => {
    const root = await onPage();
    await check(root, `const a: number = "x";\nconst b = 1;\nconst c: string = 2;\nconsole.log(a, b, c);\n`);
    await waitForCount(root, (n) => n === 2);
    // The active line (highlightActiveLine) is where the cursor is.
    const cursorLine = () =>
      root.locator(".cm-line").evaluateAll((lines) => lines.findIndex((l) => l.classList.contains("cm-activeLine")) + 1);
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("F8");
    expect(await cursorLine()).toBe(1);
    await page.keyboard.press("F8");
    expect(await cursorLine()).toBe(3);
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.press("Control+Shift+M");
    const list = root.locator(".cm-panel-lint ul");
    await list.waitFor();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await cursorLine()).toBe(3);
  });

  for (const theme of ["light", "dark"] as const) {
    it(`passes axe with diagnostics, the problem list and a marked error line shown (${theme})`, async () => {
      const ctx: BrowserContext = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addInitScript((t) => localStorage.setItem("notes:theme", t), theme);
      const p = await ctx.newPage();
      await p.goto(env.site.url + PAGE);
      const root = await wake(p, ID);
      await check(root, `const n: number = "one";\nif (n) throw new Error(String(n));\n`);
      await waitForCount(root, (n) => n === 1);
      // The count is said as it changes, from a status of its own.
      expect(await root.locator('.ex-types-said[role="status"]').textContent()).toMatch(/1/);
      // A run's error marks line 2, and the cursor on it (the active line too): keywords
      // and comments keep their contrast on both tints at once.
      await root.locator('[data-act="run"]').click();
      await root.locator(".cm-line.ex-errline").waitFor();
      await root.locator(".cm-line.ex-errline").click();
      await root.locator(".ex-types-count").click();
      await root.locator(".cm-panel-lint").waitFor();
      expect(await root.locator(".cm-line.ex-errline.cm-activeLine").count()).toBe(1);
      await p.addScriptTag({ path: AXE });
      const violations = await p.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run(document.querySelector("asyncio-example") as Element, { resultTypes: ["violations"] });
        return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
      });
      expect(violations).toEqual([]);
      await ctx.close();
    });
  }

  it("keeps answering after a huge paste: a short notice, the page stays responsive, Run still works", async () => {
    const root = await onPage();
    const huge = `const xs: number[] = [${"1, ".repeat(90_000)}];\nconsole.log(xs.length);\n`;
    await replaceCode(root, huge);
    await root.locator(".ex-types-notice .l-en").filter({ hasText: "too large" }).waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await check(root, `const n: number = "one";\nconsole.log(n);\n`);
    expect(await waitForCount(root, (n) => n === 1)).toBe(1);
  });
});
