/**
 * Editing in place: an edit runs through esbuild-wasm; syntax and runtime errors point
 * at the reader's line; an unretrieved task exception is reported as Python does; edits
 * survive a reload until Reset; share links round-trip and bad ones only give a notice;
 * Copy takes the code shown.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { ROOT, findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { editorText, failures, pagesWithExamples, pythonTab, replaceCode, run, setClock, stdout, wake } from "./runner-helpers";
import { COLUMN_LINE } from "../../src/components/example/output-view";

const chromium = findChromium();

const EDITED = `import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  console.log("edited", 1 + 1);
  yield* asyncio.sleep(2);
  console.log("slept until", asyncio.getRunningLoop().time());
}

await asyncio.run(main());
`;

describe.skipIf(!chromium)("editing and running an example", () => {
  let site: StaticSite;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const first = chromium ? pagesWithExamples()[0] : { path: "", ids: [""] };
  const id = first.ids[0];

  beforeAll(async () => {
    site = await serveStatic();
    browser = await launchBrowser(chromium!);
    context = await browser.newContext();
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Runs `lines` as the example's TypeScript; the lines the run reported as failures. */
  async function failedLines(root: Locator, ...lines: string[]): Promise<string[]> {
    await replaceCode(root, lines.join("\n"));
    await run(root);
    return (await failures(root)).split("\n");
  }

  /** Opens the page with no saved edits. */
  async function open(hash = ""): Promise<void> {
    await page.goto(site.url + first.path);
    await page.evaluate(() => localStorage.clear());
    await page.goto("about:blank");
    await page.goto(site.url + first.path + hash);
  }

  it("runs an edit, bundled in the browser", async () => {
    await open();
    const root = await wake(page, id);
    await setClock(root, "virtual");
    await replaceCode(root, EDITED);
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe("edited 2\nslept until 2");
    expect(await failures(root)).toBe("");
  });

  it("Ctrl+Enter runs from the editor", async () => {
    await open();
    const root = await wake(page, id);
    await replaceCode(root, `console.log("from the keyboard");\n`);
    await page.keyboard.press("Control+Enter");
    await root.page().waitForFunction((el) => el?.getAttribute("data-state") === "done", await root.elementHandle());
    expect(await stdout(root)).toBe("from the keyboard");
  });

  it("waits for a loop the program started without awaiting it", async () => {
    await open();
    const root = await wake(page, id);
    await setClock(root, "real");
    await replaceCode(
      root,
      `import * as asyncio from "asyncio";\nfunction* main(): asyncio.Coroutine<void> {\n  yield* asyncio.sleep(0.3);\n  console.log("after the sleep");\n}\nvoid asyncio.run(main());\nconsole.log("module done");\n`,
    );
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe("module done\nafter the sleep");
  });

  it("shows a syntax error at its line", async () => {
    await open();
    const root = await wake(page, id);
    await replaceCode(root, `const a = 1;\nconst b = 2;\nconst c = ;\nconsole.log(a, b);\n`);
    await root.locator('[data-act="run"]').click();
    await root.locator(".cm-editor .ex-errmsg").waitFor();
    const marked = await root.locator(".cm-line").evaluateAll((lines) =>
      lines.map((l, i) => (l.classList.contains("ex-errline") ? i + 1 : 0)).filter(Boolean),
    );
    expect(marked).toEqual([3]);
    expect(await failures(root)).toMatch(/line 3, column 11|3행 11열/);
    expect(await stdout(root)).toBe("");
    // The message under the line, and the editor's name, follow the reading mode.
    const message = root.locator(".cm-editor .ex-errmsg");
    const name = () => root.locator(".cm-content").getAttribute("aria-label");
    const title = async (lang: string) => (await root.locator(`.ex-title > .l-${lang}, .ex-title > .l-same`).first().textContent())!;
    for (const mode of ["en", "ko", "both"] as const) {
      await page.evaluate((m) => document.querySelector<HTMLButtonElement>(`[data-set-lang="${m}"]`)!.click(), mode);
      const shown = (await message.innerText()).trim();
      if (mode !== "ko") expect(shown, mode).toContain("Syntax error (line 3, column 11)");
      if (mode !== "en") expect(shown, mode).toContain("문법 오류 (3행 11열)");
      if (mode !== "both") expect(shown, mode).not.toMatch(mode === "en" ? /문법/ : /Syntax/);
      const want = { ko: `코드: ${await title("ko")}`, en: `Code: ${await title("en")}` };
      expect(await name(), mode).toBe(mode === "both" ? `${want.ko} · ${want.en}` : want[mode]);
    }
  });

  it("on a phone, wraps the message under a marked line within the editor's width, beside a long line of code", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open();
      const root = await wake(page, id);
      const long = `const aVeryLongNameForAValueThatRunsPastTheEdgeOfAPhoneScreen = "${"x".repeat(60)}";`;
      await replaceCode(root, `${long}\nconst c = ;\n`);
      await root.locator('[data-act="run"]').click();
      const message = root.locator(".cm-editor .ex-errmsg");
      await message.waitFor();
      const [box, scroller] = await Promise.all([
        message.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
        root.locator(".cm-scroller").evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect),
      ]);
      // The code is wider than the editor; the message is not, and wraps to more lines.
      expect(await root.locator(".cm-scroller").evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(box.left).toBeGreaterThanOrEqual(scroller.left - 1);
      expect(box.right).toBeLessThanOrEqual(scroller.right + 1);
      await root.locator('[data-act="reset"]').click();
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("marks Python's await in a function* and says the loop library writes yield*, in both languages", async () => {
    await open();
    const root = await wake(page, id);
    await replaceCode(root, `import * as asyncio from "asyncio";\n\nfunction* main() {\n  await asyncio.sleep(1);\n}\n\nawait asyncio.run(main());\n`);
    await root.locator('[data-act="run"]').click();
    await root.locator(".cm-editor .ex-errmsg").waitFor();
    expect(await failures(root)).toMatch(/line 4, column 3|4행 3열/);
    const meta = (await root.locator(".ex-line--meta .ex-text").allTextContents()).join("\n");
    expect(meta).toContain("파이썬의 await x는 여기서 yield* x로 씁니다.");
    expect(meta).toContain("Python's await x is written yield* x here.");
    await root.locator('[data-act="reset"]').click();
  });

  it("reports a failed TaskGroup with each task's error in its own box, and an error's cause before it, as CPython does", async () => {
    await open();
    const root = await wake(page, id);
    await setClock(root, "virtual");
    const shown = await failedLines(
      root,
      `import * as asyncio from "asyncio";`,
      `function* bad(x: string): asyncio.Coroutine<void> {`,
      `  throw new asyncio.ValueError(x);`,
      `}`,
      `function* bad2(): asyncio.Coroutine<void> {`,
      `  throw new TypeError("type trouble");`,
      `}`,
      `function* main(): asyncio.Coroutine<void> {`,
      `  yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {`,
      `    tg.createTask(bad("first"));`,
      `    tg.createTask(bad2());`,
      `  });`,
      `}`,
      `await asyncio.run(main());`,
    );
    const box = (n: string): number => shown.indexOf(n);
    expect(shown[0]).toBe("  + Exception Group Traceback (most recent call last):");
    expect(shown).toContain("  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)");
    expect(box("  +-+---------------- 1 ----------------")).toBeGreaterThan(0);
    expect(shown.slice(box("  +-+---------------- 1 ----------------") + 1, box("    +---------------- 2 ----------------"))).toEqual([
      "    | Traceback (most recent call last):",
      '    |   File "example.ts", line 3, in bad',
      "    | ValueError: first",
    ]);
    // (After the report: where the error is, "↑ line 9, column 18".)
    expect(shown.slice(box("    +---------------- 2 ----------------") + 1, box("    +------------------------------------") + 1)).toEqual([
      "    | Traceback (most recent call last):",
      '    |   File "example.ts", line 6, in bad2',
      "    | TypeError: type trouble",
      "    +------------------------------------",
    ]);
    // A cause (Python's `raise … from e`) prints first.
    const chained = await failedLines(
      root,
      `function parse(s: string): number {`,
      `  try {`,
      `    return JSON.parse(s);`,
      `  } catch (e) {`,
      `    throw new Error("could not parse", { cause: e });`,
      `  }`,
      `}`,
      `parse("{");`,
    );
    const said = chained.indexOf("The above exception was the direct cause of the following exception:");
    expect(chained[said - 2]).toMatch(/^SyntaxError: /);
    expect(chained.slice(said + 1, chained.indexOf("Error: could not parse") + 1)).toEqual([
      "",
      "Traceback (most recent call last):",
      '  File "example.ts", line 8, in <module>',
      '  File "example.ts", line 5, in parse',
      "Error: could not parse",
    ]);
    // The library's own errors are named with their module, its built-ins bare, as CPython
    // names them; asyncio.timeout's TimeoutError comes from the CancelledError it caused.
    const timedOut = await failedLines(
      root,
      `import * as asyncio from "asyncio";`,
      `function* main(): asyncio.Coroutine<void> {`,
      `  yield* asyncio.asyncWith(asyncio.timeout(0.1), function* () {`,
      `    yield* asyncio.sleep(1);`,
      `  });`,
      `}`,
      `await asyncio.run(main());`,
    );
    expect(timedOut.filter((l) => !l.startsWith(" ") && !l.startsWith("↑"))).toEqual([
      "asyncio.exceptions.CancelledError",
      "",
      "The above exception was the direct cause of the following exception:",
      "",
      "Traceback (most recent call last):",
      "TimeoutError",
    ]);
    // A group whose members the program forged to throw when read: reported as far as it can be.
    await replaceCode(root, [
      `import * as asyncio from "asyncio";`,
      `const group = new asyncio.ExceptionGroup("forged", [new asyncio.ValueError("a")]);`,
      `(group as unknown as { exceptions: unknown }).exceptions = new Proxy([1], { get() { throw new Error("no"); } });`,
      `throw group;`,
    ].join("\n"));
    expect(await run(root)).toBe("done");
    expect(await failures(root)).toContain("ExceptionGroup: forged (1 sub-exception)");
    expect(await failedLines(root, `import * as asyncio from "asyncio";`, `new asyncio.Queue().getNowait();`)).toContain("asyncio.queues.QueueEmpty");
    await root.locator('[data-act="reset"]').click();
  });

  it("raises CPython's AttributeError, with its guess, for a name the asyncio module lacks, at the line that reads it", async () => {
    await open();
    const root = await wake(page, id);
    await setClock(root, "virtual");
    const shown = (await failedLines(
      root,
      `import * as asyncio from "asyncio";`,
      `function* main(): asyncio.Coroutine<void> {`,
      `  console.log("start");`,
      `  // @ts-expect-error: the typo under test`,
      `  yield* asyncio.slep(1);`,
      `}`,
      `await asyncio.run(main());`,
    )).join("\n");
    expect(shown).toContain(`File "example.ts", line 5, in main`);
    expect(shown).toContain("AttributeError: module 'asyncio' has no attribute 'slep'. Did you mean: 'sleep'?");
    expect(shown).toMatch(/line 5, column \d+|5행 \d+열/);
    await root.locator('[data-act="reset"]').click();
  });

  it("says a second top-level asyncio.run() failed because the first was not awaited, not that it sits in a coroutine", async () => {
    await open();
    const root = await wake(page, id);
    await setClock(root, "real");
    const code = [
      `import * as asyncio from "asyncio";`,
      `function* job(n: number): asyncio.Coroutine<void> {`,
      `  yield* asyncio.sleep(0.01);`,
      `  console.log("job", n);`,
      `}`,
      `asyncio.run(job(1));`,
      `asyncio.run(job(2));`,
    ].join("\n");
    await replaceCode(root, code);
    await run(root);
    expect(await failures(root)).toContain("RuntimeError: asyncio.run() cannot be called from a running event loop");
    const meta = (await root.locator(".ex-line--meta .ex-text").allTextContents()).join("\n");
    expect(meta).toContain("At the top level, asyncio.run() returns a Promise here and must be awaited");
    expect(meta).toContain("최상위에서 부른 asyncio.run()은 여기서 Promise를 돌려주므로 await를 붙여야 합니다.");
    expect(meta).not.toContain("Inside a coroutine");
    await setClock(root, "virtual");
    await root.locator('[data-act="reset"]').click();
  });

  it("shows a runtime error's message and its line in the reader's code", async () => {
    await open();
    const root = await wake(page, id);
    await setClock(root, "virtual");
    const shown = (await failedLines(
      root,
      `import * as asyncio from "asyncio";`,
      `function* main(): asyncio.Coroutine<void> {`,
      `  yield* asyncio.sleep(1);`,
      `  throw new asyncio.ValueError("bad value");`,
      `}`,
      `await asyncio.run(main());`,
    )).join("\n");
    expect(shown).toContain("ValueError: bad value");
    expect(shown).toContain(`File "example.ts", line 4, in main`);
    expect(shown).toMatch(/line 4, column \d+|4행 \d+열/);
    const marked = await root.locator(".cm-line").evaluateAll((lines) =>
      lines.map((l, i) => (l.classList.contains("ex-errline") ? i + 1 : 0)).filter(Boolean),
    );
    expect(marked).toEqual([4]);
    // "↑ line 4, column N" is a button: from the keyboard it puts the cursor on that line.
    await page.keyboard.press("Escape");
    const go = root.locator(".ex-goto");
    expect(await go.count()).toBe(1);
    await go.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null)).toBe(true);
    const cursor = await root.locator(".cm-activeLine").textContent();
    expect(cursor).toContain(`throw new asyncio.ValueError("bad value");`);
  });

  it("reports a task exception nobody retrieved, as Python does", async () => {
    await open();
    const root = await wake(page, id);
    await setClock(root, "virtual");
    const code = [
      `import * as asyncio from "asyncio";`,
      `function* boom(): asyncio.Coroutine<void> {`,
      `  throw new asyncio.ValueError("lost");`,
      `}`,
      `function* main(): asyncio.Coroutine<void> {`,
      `  asyncio.createTask(boom());`,
      `  yield* asyncio.sleep(0.1);`,
      `  console.log("main ends");`,
      `}`,
      `await asyncio.run(main());`,
    ].join("\n");
    await replaceCode(root, code);
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe("main ends");
    const report = await root.locator(".ex-line--error .ex-text").allTextContents();
    const text = report.join("\n");
    expect(text).toContain("Task exception was never retrieved");
    expect(text).toContain(`File "example.ts", line 3, in boom`);
    expect(text).toContain("ValueError: lost");
  });

  it("keeps an edit across a reload until Reset", async () => {
    await open();
    let root = await wake(page, id);
    const original = (await root.locator(".ex-code--ts pre").first().textContent()) ?? "";
    await replaceCode(root, `console.log("kept");\n`);
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, `asyncio-notes:edit:ts:${id}`);
    await page.reload();
    root = await wake(page, id);
    expect((await root.locator("pre.ex-plain").textContent())?.trim()).toBe(`console.log("kept");`);
    expect(await root.locator('.ex-notice[data-key="edited"]').isVisible()).toBe(true);
    await root.locator('[data-act="reset"]').click();
    // A restored edit that fails, run before the editor opens: its line is marked in the plain code.
    await replaceCode(root, `console.log("one");\nnotDefined();\n`);
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes("notDefined") === true, `asyncio-notes:edit:ts:${id}`);
    await page.reload();
    root = await wake(page, id);
    expect(await root.locator(".cm-editor").count()).toBe(0);
    await setClock(root, "virtual");
    await root.locator('[data-act="run"]').click();
    await root.locator("pre.ex-plain .line.ex-errline").waitFor();
    expect(await root.locator("pre.ex-plain .line.ex-errline").textContent()).toBe("notDefined();");
    await replaceCode(root, `console.log("kept");\n`);
    await page.waitForFunction((key) => localStorage.getItem(key)?.includes("kept") === true, `asyncio-notes:edit:ts:${id}`);
    await page.reload();
    root = await wake(page, id);
    await root.locator('[data-act="reset"]').click();
    expect(await page.evaluate((key) => localStorage.getItem(key), `asyncio-notes:edit:ts:${id}`)).toBeNull();
    expect(await root.locator("pre.ex-plain").count()).toBe(0);
    expect(await root.locator(".ex-code--ts pre").first().textContent()).toBe(original);
    expect(await root.locator('[data-act="reset"]').isDisabled()).toBe(true);
    // A reload in between loses nothing: the way back is offered again.
    await page.reload();
    root = await wake(page, id);
    await root.locator('.ex-notice[data-key="resetDone"] [data-notice="action"]').waitFor();
    expect(await root.locator(".ex-code--ts pre").first().textContent()).toBe(original);
    // A Reset pressed by mistake: the notice offers the edit back, which is saved again.
    const undo = root.locator('.ex-notice[data-key="resetDone"] [data-notice="action"]');
    expect(await undo.locator(".l-en").textContent()).toBe("Bring back my edit");
    expect(await undo.locator(".l-ko").textContent()).toBe("편집한 코드 되살리기");
    // Away to the Python tab and back: the offer is there again.
    await root.locator(".ex-views .ex-view-py + label").click();
    await expect.poll(() => undo.count()).toBe(0);
    await root.locator(".ex-views .ex-view-ts + label").click();
    await undo.waitFor();
    await undo.click();
    expect((await root.locator("pre.ex-plain").textContent())?.trim()).toBe(`console.log("kept");`);
    await root.locator('.ex-notice[data-key="edited"]').waitFor();
    expect(await root.locator('[data-act="reset"]').isDisabled()).toBe(false);
    await page.waitForFunction((key) => JSON.parse(localStorage.getItem(key) ?? "{}").code === `console.log("kept");\n`, `asyncio-notes:edit:ts:${id}`);
    await page.reload();
    root = await wake(page, id);
    expect((await root.locator("pre.ex-plain").textContent())?.trim()).toBe(`console.log("kept");`);
    await root.locator('[data-act="reset"]').click();
  });

  it("says so when the original changed after the edit was saved", async () => {
    await open();
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ hash: "00000000", code: "console.log(1);" })), `asyncio-notes:edit:ts:${id}`);
    await page.reload();
    const root = await wake(page, id);
    await root.locator('.ex-notice[data-key="originalChanged"]').waitFor();
    expect(await root.locator("pre.ex-plain").textContent()).toBe("console.log(1);");
    await root.locator('[data-act="reset"]').click();
  });

  it("moves an edit saved before edits were per language to the TypeScript key, losing nothing", async () => {
    await open();
    const hash = await page.locator(`asyncio-example[data-id="${id}"]`).first().getAttribute("data-hash");
    const saved = JSON.stringify({ hash, code: "console.log(2);" });
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`asyncio-notes:edit:${id}`, saved] as const);
    await page.reload();
    const root = await wake(page, id);
    await root.locator('.ex-notice[data-key="edited"]').waitFor();
    expect(await root.locator("pre.ex-plain").textContent()).toBe("console.log(2);");
    const keys = await page.evaluate((i) => [localStorage.getItem(`asyncio-notes:edit:${i}`), localStorage.getItem(`asyncio-notes:edit:ts:${i}`)], id);
    expect(keys).toEqual([null, saved]);
    await root.locator('[data-act="reset"]').click();
  });

  it("shares unedited code as the example's permanent address, not as a copy of its code", async () => {
    await open();
    const root = await wake(page, id);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url).origin });
    await root.locator('[data-act="share"]').click();
    await root.locator('.ex-notice[data-key="shareCopiedPlain"]').waitFor();
    const permanent = `${site.url}${first.path}#example-${id}`;
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(permanent);
    expect(page.url()).toBe(permanent);
    expect(await root.locator('[data-part="notice"] .l-en').textContent()).toBe(
      "Link copied. You have not edited the code, so this is the example's permanent link, which opens it as published.",
    );
    // The kit's link is the same address; its snippet carries no code.
    const values = await root.locator(".ex-kit-value").allTextContents();
    expect(values[0]).toBe(permanent);
    expect(values[1]).not.toContain("code=");
  });

  it("round-trips a share link, which never runs by itself", async () => {
    await open();
    let root = await wake(page, id);
    await setClock(root, "virtual");
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url).origin });
    await replaceCode(root, EDITED);
    await root.locator('[data-act="share"]').click();
    await root.locator('.ex-notice[data-key="shareCopied"], .ex-notice[data-key="shareInAddressBar"]').waitFor();
    const url = page.url();
    expect(url).toContain(`#example=${id}&code=`);
    await root.locator('[data-act="reset"]').click();
    const fresh = await context.newPage();
    await fresh.goto(url);
    root = await wake(fresh, id);
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect((await root.locator("pre.ex-plain").textContent())?.trim()).toBe(EDITED.trim());
    expect(await root.locator(".ex-out-wrap").isHidden()).toBe(true);
    await setClock(root, "virtual");
    expect(await run(root, 60_000)).toBe("done");
    expect(await stdout(root)).toBe("edited 2\nslept until 2");
    await fresh.close();
  });

  it("reads a share link whose fragment was percent-encoded on the way, and takes #example=<id> alone as a plain link", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url).origin });
    await open();
    let root = await wake(page, id);
    await replaceCode(root, EDITED);
    await root.locator('[data-act="share"]').click();
    await root.locator('.ex-notice[data-key="shareCopied"], .ex-notice[data-key="shareInAddressBar"]').waitFor();
    const url = new URL(page.url());
    await root.locator('[data-act="reset"]').click();
    // As some chat tools and course platforms pass it on: "=" and "&" encoded.
    const encoded = `${url.origin}${url.pathname}#${encodeURIComponent(url.hash.slice(1))}`;
    expect(encoded).toContain("#example%3D");
    const fresh = await context.newPage();
    await fresh.goto(encoded);
    root = await wake(fresh, id);
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect((await root.locator("pre.ex-plain").textContent())?.trim()).toBe(EDITED.trim());
    expect(new URL(fresh.url()).hash).toMatch(new RegExp(`^#example=${id}&code=`));
    // No code in it: the example, unedited, and no word about a damaged link.
    await fresh.evaluate(() => localStorage.clear());
    await fresh.goto("about:blank");
    await fresh.goto(`${url.origin}${url.pathname}#example=${id}`);
    root = await wake(fresh, id);
    await expect.poll(() => root.evaluate((el) => el.getBoundingClientRect().top < innerHeight)).toBe(true);
    // A damaged link's notice comes within a few milliseconds of waking: a second is ample.
    await fresh.waitForTimeout(1000);
    expect(await root.locator(".ex-notice:not([hidden])").count()).toBe(0);
    await fresh.close();
  });

  it("gives a notice for a malformed or oversized share link, never a crash", async () => {
    const huge = deflateRawSync(Buffer.from("x".repeat(200_000))).toString("base64url");
    for (const code of ["!!not-base64!!", "AAAA", huge]) {
      const before = errors.length;
      await page.goto("about:blank");
      await open(`#example=${id}&code=${code}`);
      const root = await wake(page, id);
      await root.locator('.ex-notice[data-key="shareBroken"]').waitFor();
      expect(await root.locator("pre.ex-plain").count()).toBe(0);
      expect(errors.length).toBe(before);
    }
  });

  it("copies the code shown (the original, an edit, the Python tab), and selects it when the clipboard is refused", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url });
    const original = (language: string): string =>
      readFileSync(join(ROOT, "content/examples", id, `example.${language}`), "utf8").replace(/\n+$/, "");
    const clipboard = (): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
    await open();
    let root = await wake(page, id);
    const copy = root.locator('[data-act="copy"]');
    const status = root.locator('[data-part="copied"]');
    await copy.click();
    await expect.poll(() => status.locator(".l-en").textContent()).toBe("Copied");
    expect(await status.locator(".l-ko").textContent()).toBe("복사했습니다");
    expect(await clipboard()).toBe(original("ts"));
    // An edit is what Copy takes, as Run would.
    await replaceCode(root, EDITED);
    await copy.click();
    await expect.poll(clipboard).toBe(EDITED);
    await pythonTab(root);
    await copy.click();
    await expect.poll(clipboard).toBe(original("py"));
    // The clipboard refused (an embed without clipboard-write): the code is selected instead.
    await open();
    root = await wake(page, id);
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
    });
    await root.locator('[data-act="copy"]').click();
    await expect.poll(() => root.locator('[data-part="notice"] .l-en').textContent()).toContain("press Ctrl+C");
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(original("ts"));
  });

  it("keeps a short printed line's columns on a phone (the output scrolls sideways); long lines and errors wrap", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open();
      const root = await wake(page, id);
      await replaceCode(
        root,
        `console.log("name".padEnd(30) + "| " + "who resumes it".padEnd(30) + "| end");\n` +
          `console.log("x".repeat(${COLUMN_LINE + 1}));\n` +
          `throw new Error("a long sentence ".repeat(10));\n`,
      );
      expect(await run(root)).toBe("done");
      const lineHeight = await root.locator(".ex-out").evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      const rows = root.locator(".ex-line--log .ex-text");
      const table = await rows.nth(0).boundingBox();
      expect(table!.height).toBeLessThan(lineHeight * 1.5);
      const out = await root.locator(".ex-out").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(out.scroll).toBeGreaterThan(out.client);
      const long = await rows.nth(1).boundingBox();
      expect(long!.height).toBeGreaterThan(lineHeight * 1.5);
      const error = await root.locator(".ex-line--fail .ex-text", { hasText: "a long sentence" }).first().boundingBox();
      expect(error!.height).toBeGreaterThan(lineHeight * 1.5);
      expect(error!.width).toBeLessThanOrEqual(out.client);
      await root.locator('[data-act="reset"]').click();
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("shows a blank printed line as a line", async () => {
    await open();
    const root = await wake(page, id);
    await replaceCode(root, `console.log("a");\nconsole.log("");\nconsole.log("b");\n`);
    expect(await run(root)).toBe("done");
    const tops = await root.locator(".ex-line--log .ex-text").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(tops).toHaveLength(3);
    expect(tops[1]).toBeGreaterThan(tops[0] * 0.8);
    await root.locator('[data-act="reset"]').click();
  });

  it("keeps the time column one width once a time reaches 10 s, so the printed text does not shift", async () => {
    await open();
    const root = await wake(page, id);
    await setClock(root, "virtual");
    await replaceCode(root, `import * as asyncio from "asyncio";\nfunction* main() {\n  console.log("before");\n  yield* asyncio.sleep(10.2);\n  console.log("after");\n}\nawait asyncio.run(main());\n`);
    expect(await run(root)).toBe("done");
    const lefts = await root.locator(".ex-line--log .ex-text").evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(lefts).toHaveLength(2);
    expect(lefts[1]).toBe(lefts[0]);
    expect(await root.locator(".ex-line--log .ex-time").allTextContents()).toEqual(["0.000", "10.200"]);
    await root.locator('[data-act="reset"]').click();
  });

  it("keeps the cursor clear of the sticky header when the keyboard walks up a long example", async () => {
    await page.setViewportSize({ width: 1280, height: 500 });
    try {
      await page.goto(site.url + "coroutine/");
      const root = await wake(page, "throw-and-close");
      await root.locator(".ex-code--ts pre:not([hidden])").first().click();
      await root.locator(".cm-editor").waitFor();
      await page.keyboard.press("ControlOrMeta+End");
      const headerBottom = (await page.locator(".site-header").boundingBox())!;
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press("ArrowUp");
        const top = await page.evaluate(async () => {
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          // The editor's drawn cursor (a DOM range has no box on an empty line).
          return document.querySelector(".cm-focused .cm-cursor-primary")!.getBoundingClientRect().top;
        });
        expect(top).toBeGreaterThanOrEqual(headerBottom.y + headerBottom.height);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("names each editor after its example", async () => {
    await open();
    const root = await wake(page, id);
    await replaceCode(root, `console.log("named");\n`);
    // Both languages, as the page is read (the mode's own name is checked with the syntax error above).
    expect(await page.evaluate(() => document.documentElement.dataset.lang)).toBe("both");
    const title = async (lang: string) => (await root.locator(`.ex-title > .l-${lang}, .ex-title > .l-same`).first().textContent())?.trim() ?? "";
    expect(await title("ko")).not.toBe("");
    expect(await root.locator(".ex-code--ts .cm-content").getAttribute("aria-label")).toBe(`코드: ${await title("ko")} · Code: ${await title("en")}`);
    await root.locator('[data-act="reset"]').click();
  });

  it("keeps the keyboard's focus when Stop and Reset disable themselves: it goes on to Run", async () => {
    await open();
    const root = await wake(page, id);
    await replaceCode(root, `console.log("spin");\nwhile (true) {}\n`);
    await root.locator('[data-act="run"]').focus();
    await page.keyboard.press("Enter");
    await root.locator(".ex-line--log .ex-text", { hasText: "spin" }).waitFor();
    await root.locator('[data-act="stop"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => root.getAttribute("data-state")).toBe("stopped");
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.act ?? document.activeElement?.tagName);
    expect(await focused()).toBe("run");
    await root.locator('[data-act="reset"]').focus();
    await page.keyboard.press("Enter");
    expect(await root.locator('[data-act="reset"]').isDisabled()).toBe(true);
    expect(await focused()).toBe("run");
  });

  it("opens the editor for code the keyboard reached before the example woke", async () => {
    // The example's script arrives late, as on a slow connection, after the code was focused.
    let release: () => void = () => {};
    const held = new Promise<void>((ok) => (release = ok));
    await page.route(/\/_astro\/controller\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.goto("about:blank");
      await page.goto(site.url + first.path);
      const root = page.locator(`asyncio-example[data-id="${id}"]`).first();
      await root.locator(".ex-code--ts pre").first().focus();
      release();
      await root.locator(".ex-bar:not([hidden])").waitFor();
      await root.locator(".ex-code--ts .cm-editor").waitFor();
      expect(await page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null)).toBe(true);
    } finally {
      release();
      await page.unroute(/\/_astro\/controller\.[\w-]+\.js$/);
    }
  });

  it("wakes an example whose script failed to load, once it loads: it tries again, backing off", async () => {
    // A service worker would answer before page.route sees the request: none in this context.
    const ctx = await browser.newContext({ serviceWorkers: "block" });
    try {
      const tab = await ctx.newPage();
      const asked: number[] = [];
      await tab.route(/\/_astro\/controller\.[\w-]+\.js$/, (route) => {
        asked.push(Date.now());
        return asked.length <= 2 ? route.abort("connectionreset") : route.continue();
      });
      await tab.goto(site.url + first.path);
      const root = tab.locator(`asyncio-example[data-id="${id}"]`).first();
      await root.scrollIntoViewIfNeeded();
      await root.locator(".ex-bar:not([hidden])").waitFor({ timeout: 15_000 });
      expect(asked.length).toBe(3);
      // One second, then two: the second wait is the longer.
      expect(asked[2] - asked[1]).toBeGreaterThan(asked[1] - asked[0]);
      expect(await root.getAttribute("data-awake")).toBe("1");
    } finally {
      await ctx.close();
    }
  });

  it("lets Tab pass through an editor the keyboard arrives at, unchanged, until another key is pressed", async () => {
    await open();
    const root = await wake(page, id);
    const inEditor = () => page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null);
    // From the code tabs, Tab reaches the code: the editor opens, focused.
    await root.locator(".ex-views .ex-view-ts").focus();
    await page.keyboard.press("Tab");
    await root.locator(".ex-code--ts .cm-editor").waitFor();
    await expect.poll(inEditor).toBe(true);
    const before = await editorText(root);
    // Tab goes on through the page; Shift+Tab comes back, and goes back out the same way.
    await page.keyboard.press("Tab");
    expect(await inEditor()).toBe(false);
    await page.keyboard.press("Shift+Tab");
    expect(await inEditor()).toBe(true);
    await page.keyboard.press("Shift+Tab");
    expect(await inEditor()).toBe(false);
    expect(await editorText(root)).toBe(before);
    expect(await root.locator('.ex-notice[data-key="edited"]').count()).toBe(0);
    // Any other key first (here an arrow), and Tab indents.
    await page.keyboard.press("Tab");
    expect(await inEditor()).toBe(true);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    expect(await inEditor()).toBe(true);
    expect(await editorText(root)).not.toBe(before);
    await root.locator('[data-act="reset"]').click();
  });

  it("lets the keyboard leave the editor: Esc, then Tab, however long after", async () => {
    await open();
    const root = await wake(page, id);
    await replaceCode(root, `console.log("tab test");\n`);
    await page.keyboard.press("Tab");
    expect(await editorText(root)).toContain("  ");
    const before = await editorText(root);
    await page.keyboard.press("Escape");
    // CodeMirror's own Esc lets Tab leave for two seconds only.
    await page.waitForTimeout(2_500);
    await page.keyboard.press("Tab");
    expect(await editorText(root)).toBe(before);
    const inEditor = await page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null);
    expect(inEditor).toBe(false);
    await root.locator('[data-act="reset"]').click();
  });
});
