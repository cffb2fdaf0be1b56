/**
 * No edit is ever lost: a share link opens as a separate draft beside the reader's own
 * saved edit; playground share links open the playground; a quick exit still saves; a
 * full storage says so; a second tab's save is announced; bidirectional controls in a
 * shared link are shown, not obeyed, in the read-only view.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { encodeShare } from "../../src/runner/share";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, findChromium } from "./lib";
import { pagesWithExamples, pythonTab, replaceCode, replacePython, waitForEnd, wake } from "./runner-helpers";
import { useBrowserSite } from "./session";

const chromium = findChromium();
const key = (id: string): string => `asyncio-notes:edit:ts:${id}`;

describe.skipIf(!chromium)("edits are never lost", () => {
  const env = useBrowserSite(chromium);
  const first = chromium ? pagesWithExamples()[0] : { path: "", ids: [""] };
  const id = first.ids[0];
  let context: BrowserContext;

  beforeAll(async () => {
    context = await env.browser.newContext();
  });

  async function fresh(hash = ""): Promise<Page> {
    const page = await context.newPage();
    await page.goto(env.site.url + first.path);
    await page.evaluate(() => localStorage.clear());
    await page.goto(env.site.url + first.path + hash);
    return page;
  }

  /** The code a tab shows, from its editor or its plain view. */
  const editorOrPlain = async (root: Locator, language: "ts" | "py"): Promise<string> => {
    const box = root.locator(`.ex-code--${language}`);
    const editor = box.locator(".cm-content");
    return ((await editor.count()) > 0 ? await editor.innerText() : await box.locator("pre.ex-plain").textContent())?.trim() ?? "";
  };

  const stored = (page: Page, k: string): Promise<string | null> => page.evaluate((k) => localStorage.getItem(k), k);

  it("opens a share link as a separate draft: the reader's saved edit is kept, and Reset leaves it", async () => {
    const page = await fresh();
    const hash = await page.locator(`asyncio-example[data-id="${id}"]`).first().getAttribute("data-hash");
    const own = JSON.stringify({ hash, code: `console.log("mine");` });
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key(id), own] as const);
    await page.goto(`${env.site.url}${first.path}#${await encodeShare(id, `console.log("shared");`)}`);
    let root = await wake(page, id);
    await root.locator('.ex-notice[data-key="sharedDraft"]').waitFor();
    await replaceCode(root, `console.log("shared, edited");`);
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, key(`shared:${id}`));
    expect(await stored(page, key(id))).toBe(own);
    // The same link again: the draft's edit comes back, the reader's own edit is still there.
    await page.reload();
    root = await wake(page, id);
    await root.locator('.ex-notice[data-key="sharedDraft"]').waitFor();
    expect((await root.locator("pre.ex-plain").textContent())?.trim()).toBe(`console.log("shared, edited");`);
    await root.locator('[data-act="reset"]').click();
    expect(await stored(page, key(id))).toBe(own);
    await root.locator('.ex-notice [data-notice="action"]').click();
    await root.locator('.ex-notice[data-key="edited"]').waitFor();
    expect((await root.locator("pre.ex-plain").textContent())?.trim()).toBe(`console.log("mine");`);
    await page.close();
  });

  it("opens a shared Python edit on the Python tab, which is then what Run runs", async () => {
    const page = await fresh(`#${await encodeShare(id, `print("shared python")\n`, "py")}`);
    const root = await wake(page, id);
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect(await root.locator(".ex-view-py").isChecked()).toBe(true);
    expect(await root.locator(".ex-code--py").isVisible()).toBe(true);
    expect(await root.locator(".ex-code--ts").isVisible()).toBe(false);
    expect((await root.locator(".ex-code--py pre.ex-plain").textContent())?.trim()).toBe(`print("shared python")`);
    expect(await root.locator('[data-act="reset"]').isDisabled()).toBe(false);
    await page.close();
  });

  it("opens on the tab the reader edited, and says Edited there, not on the other", async () => {
    const page = await fresh();
    const hash = await page.locator(`asyncio-example[data-id="${id}"]`).first().getAttribute("data-hash");
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`asyncio-notes:edit:py:${id}`, JSON.stringify({ hash, code: `print("mine")\n` })] as const);
    await page.reload();
    const root = await wake(page, id);
    const edited = root.locator('.ex-notice[data-key="edited"]');
    const reset = root.locator('[data-act="reset"]');
    // Only the Python original was edited: the example opens on it (the edit does not look lost).
    await edited.waitFor();
    expect(await root.locator(".ex-view-py").isChecked()).toBe(true);
    expect((await root.locator(".ex-code--py pre.ex-plain").textContent())?.trim()).toBe(`print("mine")`);
    expect(await reset.isDisabled()).toBe(false);
    // The TypeScript tab shows the original: nothing to say, nothing to reset.
    await root.locator(".ex-views .ex-view-ts + label").click();
    await expect.poll(() => edited.count()).toBe(0);
    expect(await reset.isDisabled()).toBe(true);
    await root.locator(".ex-views .ex-view-py + label").click();
    await edited.waitFor();
    expect(await reset.isDisabled()).toBe(false);
    await page.close();
  });

  it("opens on the tab edited last when both tabs were edited", async () => {
    const page = await fresh();
    const root = await wake(page, id);
    await replaceCode(root, `console.log("ts edit");`);
    await pythonTab(root);
    await replacePython(root, `print("py edit")\n`);
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("py edit") ?? false, `asyncio-notes:edit:py:${id}`);
    // Back to TypeScript, edited again: now the TypeScript edit is the newer.
    await root.locator(".ex-views .ex-view-ts + label").click();
    await replaceCode(root, `console.log("ts edit, later");`);
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("later") ?? false, key(id));
    await page.reload();
    let again = await wake(page, id);
    await again.locator('.ex-notice[data-key="edited"]').waitFor();
    expect(await again.locator(".ex-view-ts").isChecked()).toBe(true);
    // Python edited last: the reload opens on Python.
    await pythonTab(again);
    await replacePython(again, `print("py edit, later")\n`);
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("later") ?? false, `asyncio-notes:edit:py:${id}`);
    await page.reload();
    again = await wake(page, id);
    await again.locator('.ex-notice[data-key="edited"]').waitFor();
    expect(await again.locator(".ex-view-py").isChecked()).toBe(true);
    expect(await editorOrPlain(again, "py")).toBe(`print("py edit, later")`);
    await page.close();
  });

  it("opens a playground share link in the playground, with its code", async () => {
    const page = await context.newPage();
    await page.goto(`${env.site.url}playground/?example=${id}`);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });
    let root = await wake(page, "playground");
    await replaceCode(root, `console.log("from the playground");`);
    await root.locator('[data-act="share"]').click();
    await root.locator('.ex-notice[data-key="shareCopied"], .ex-notice[data-key="shareInAddressBar"]').waitFor();
    const url = page.url();
    expect(url).toContain(`/playground/?example=${id}#example=playground&code=`);
    // The kit's link reopens the playground with the code (in the reader's language); no embed.
    const kit = root.locator(".ex-kit-value");
    await kit.first().waitFor();
    const kitLink = new URL((await kit.first().textContent()) ?? "");
    expect(kitLink.pathname).toBe(new URL(url).pathname);
    expect(kitLink.searchParams.get("example")).toBe(id);
    expect(kitLink.hash).toBe(new URL(url).hash);
    expect(await kit.count()).toBe(2);
    expect(await kit.last().textContent()).toContain(kitLink.href);
    const other = await context.newPage();
    await other.goto(url);
    root = await wake(other, "playground");
    await root.locator('.ex-notice[data-key="sharedCode"], .ex-notice[data-key="sharedDraft"]').waitFor();
    expect((await root.locator(".ex-code--ts pre.ex-plain").textContent())?.trim()).toBe(`console.log("from the playground");`);
    await other.close();
    await page.close();
  });

  it("Open in the playground takes the tab shown and its edit along", async () => {
    const page = await fresh();
    const root = await wake(page, id);
    const link = root.locator('[data-part="playground"]');
    expect(await link.getAttribute("href")).toMatch(new RegExp(`playground/\\?example=${id}$`));
    await pythonTab(root);
    await replacePython(root, `print("to the playground")\n`);
    await expect.poll(() => link.getAttribute("href")).toMatch(/[?&]tab=py#example=playground&lang=py&code=/);
    await link.click();
    await page.waitForURL(/\/playground\//);
    const pg = await wake(page, "playground");
    await pg.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect(await pg.locator(".ex-view-py").isChecked()).toBe(true);
    expect((await pg.locator(".ex-code--py pre.ex-plain").textContent())?.trim()).toBe(`print("to the playground")`);
    // The playground's Reset goes back to the example's own Python original.
    await pg.locator('[data-act="reset"]').click();
    const original = readFileSync(join(ROOT, "content", "examples", id, "example.py"), "utf8").trim();
    await expect.poll(async () => (await pg.locator(".ex-code--py pre:not([hidden])").first().textContent())?.trim()).toBe(original);
    await page.close();
  });

  it("saves an edit when the reader leaves at once", async () => {
    const page = await fresh();
    const root = await wake(page, id);
    await replaceCode(root, `console.log("quick exit");`);
    await page.goto("about:blank");
    await page.goto(env.site.url + first.path);
    expect(JSON.parse((await stored(page, key(id))) ?? "{}").code).toBe(`console.log("quick exit");`);
    await page.close();
  });

  it("saves the edit a Run runs before the run starts, not after the typing pause", async () => {
    const page = await fresh();
    const root = await wake(page, id);
    await replaceCode(root, `console.log("typed");`);
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, key(id));
    // One more keystroke and Run, in one task: the 250 ms typing pause cannot have passed.
    const saved = await root.evaluate((el, k) => {
      type View = { state: { doc: { length: number } }; dispatch(spec: unknown): void };
      const content = el.querySelector(".ex-code--ts .cm-content") as unknown as { cmTile?: { root?: { view?: View } }; cmView?: { view?: View } };
      const view = content.cmTile?.root?.view ?? content.cmView?.view;
      if (!view) throw new Error("no CodeMirror view");
      view.dispatch({ changes: { from: view.state.doc.length, insert: `\nwhile (true) {}` } });
      el.querySelector<HTMLButtonElement>('[data-act="run"]')!.click();
      return JSON.parse(localStorage.getItem(k) ?? "{}").code as string;
    }, key(id));
    expect(saved).toBe(`console.log("typed");\nwhile (true) {}`);
    // While it runs, the tab holds a mark of it (./run-mark.ts); Stop takes it away.
    const mark = `asyncio-notes:running:${id}`;
    await page.waitForFunction((m) => sessionStorage.getItem(m) !== null, mark);
    // A tab the browser freezes in the background (and may discard: no pagehide then) is
    // unmarked meanwhile, so its reload is not taken for a crash; back, it is marked again.
    // (Headless Chromium's DevTools lifecycle call fires neither event: they are sent as the browser sends them.)
    expect(await page.evaluate((m) => {
      document.dispatchEvent(new Event("freeze"));
      const frozen = sessionStorage.getItem(m);
      document.dispatchEvent(new Event("resume"));
      return [frozen, sessionStorage.getItem(m) !== null];
    }, mark)).toEqual([null, true]);
    await root.locator('[data-act="stop"]').click();
    expect(await waitForEnd(root, 5_000)).toBe("stopped");
    expect(await page.evaluate((m) => sessionStorage.getItem(m), mark)).toBeNull();
    await page.close();
  });

  it("says so, in both languages, when the storage is full, and offers to copy the code", async () => {
    const page = await fresh();
    const root = await wake(page, id);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("full", "QuotaExceededError");
      };
    });
    await replaceCode(root, `console.log("no room");`);
    const notice = root.locator('.ex-notice[data-key="saveFailed"]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/가득 차서.*storage is full/s);
    expect(await notice.locator('[data-notice="action"]').count()).toBe(1);
    // The clipboard refused as well: as with the Copy button, the code is selected for Ctrl+C.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
    });
    await notice.locator('[data-notice="action"]').click();
    await root.locator('.ex-notice[data-key="copyFailedSelected"]').waitFor();
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(`console.log("no room");`);
    // With the clipboard allowed, the offer puts the code on it and the notice says so.
    await page.evaluate(() => delete (navigator.clipboard as { writeText?: unknown }).writeText);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });
    await replaceCode(root, `console.log("no room");`);
    await notice.waitFor();
    await notice.locator('[data-notice="action"]').click();
    await expect.poll(() => notice.locator(".l-en").textContent()).toMatch(/Code copied\.$/);
    expect(await notice.locator(".l-ko").textContent()).toMatch(/코드를 복사했습니다\.$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`console.log("no room");`);
    await page.close();
  });

  it("says the storage is blocked, not full, where the page may not use it (a frame on another site)", async () => {
    const page = await fresh();
    const root = await wake(page, id);
    await page.evaluate(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException("The document is sandboxed", "SecurityError");
      };
    });
    await replaceCode(root, `console.log("nowhere to keep it");`);
    const notice = root.locator('.ex-notice[data-key="saveBlocked"]');
    await notice.waitFor();
    expect(await notice.locator(".l-en").first().textContent()).toMatch(/does not let this page use its storage/);
    expect(await notice.locator(".l-ko").first().textContent()).toMatch(/저장 공간 사용을 막고/);
    expect(await notice.textContent()).not.toMatch(/storage is full|가득 차서/);
    expect(await notice.locator('[data-notice="action"]').count()).toBe(1);
    await page.close();
  });

  it("tells a tab when another tab saved the same example, and lets it save its own", async () => {
    const a = await fresh();
    const b = await context.newPage();
    await b.goto(env.site.url + first.path);
    const rootB = await wake(b, id);
    await replaceCode(rootB, `console.log("tab b");`);
    await b.waitForFunction((k) => localStorage.getItem(k)?.includes("tab b") === true, key(id));
    const rootA = await wake(a, id);
    await replaceCode(rootA, `console.log("tab a");`);
    await a.waitForFunction((k) => localStorage.getItem(k)?.includes("tab a") === true, key(id));
    await rootB.locator('.ex-notice[data-key="otherTab"]').waitFor();
    await rootB.locator('.ex-notice [data-notice="action"]').click();
    await b.waitForFunction((k) => localStorage.getItem(k)?.includes("tab b") === true, key(id));
    await rootA.locator('.ex-notice[data-key="otherTab"]').waitFor();
    await a.close();
    await b.close();
  });

  it("says so on the code tab another tab's saved edit is about, not on the one shown", async () => {
    const a = await fresh();
    const b = await context.newPage();
    await b.goto(env.site.url + first.path);
    const [rootA, rootB] = [await wake(a, id), await wake(b, id)];
    const pyKey = `asyncio-notes:edit:py:${id}`;
    // B edits the Python and goes back to the unedited TypeScript; then A saves a Python edit.
    await pythonTab(rootB);
    await replacePython(rootB, `print("tab b")\n`);
    await b.waitForFunction((k) => localStorage.getItem(k)?.includes("tab b") === true, pyKey);
    await rootB.locator(".ex-views .ex-view-ts + label").click();
    await pythonTab(rootA);
    await replacePython(rootA, `print("tab a")\n`);
    await a.waitForFunction((k) => localStorage.getItem(k)?.includes("tab a") === true, pyKey);
    await b.waitForTimeout(300);
    expect(await rootB.locator('.ex-notice[data-key="otherTab"]').count(), "not over the TypeScript").toBe(0);
    // On B's Python tab it says so, and its button saves B's Python over A's.
    await pythonTab(rootB);
    await rootB.locator('.ex-notice[data-key="otherTab"]').waitFor();
    await rootB.locator('.ex-notice [data-notice="action"]').click();
    await b.waitForFunction((k) => localStorage.getItem(k)?.includes("tab b") === true, pyKey);
    await a.close();
    await b.close();
  });

  it("shows another tab's saved edit in a tab with none, and never saves over it unasked", async () => {
    const a = await fresh();
    const b = await context.newPage();
    await b.goto(env.site.url + first.path);
    const [rootA, rootB] = [await wake(a, id), await wake(b, id)];
    // Both awake on the original; B's edit is saved, and A, which has none, shows it.
    await replaceCode(rootB, `console.log("tab b");`);
    await b.waitForFunction((k) => localStorage.getItem(k)?.includes("tab b") === true, key(id));
    await rootA.locator('.ex-notice[data-key="otherTabShown"]').waitFor();
    expect(await editorOrPlain(rootA, "ts")).toBe(`console.log("tab b");`);
    // A edits on from it and saves; B, with an edit of its own, is told and stops saving.
    await replaceCode(rootA, `console.log("tab a");`);
    await a.waitForFunction((k) => localStorage.getItem(k)?.includes("tab a") === true, key(id));
    await rootB.locator('.ex-notice[data-key="otherTab"]').waitFor();
    await replaceCode(rootB, `console.log("tab b, typed on");`);
    await b.waitForTimeout(600);
    expect(await stored(b, key(id))).toContain("tab a");
    expect(await rootB.locator('.ex-notice[data-key="otherTab"]').count()).toBe(1);
    // Only the reader's choice saves B's code over A's.
    await rootB.locator('.ex-notice [data-notice="action"]').click();
    await b.waitForFunction((k) => localStorage.getItem(k)?.includes("tab b, typed on") === true, key(id));
    await a.close();
    await b.close();
  });

  it("keeps following another tab's edits while nothing is typed here; a Reset here leaves the other tab's edit; the other's Reset lets this tab save again", async () => {
    const a = await fresh();
    const b = await context.newPage();
    await b.goto(env.site.url + first.path);
    const [rootA, rootB] = [await wake(a, id), await wake(b, id)];
    await replaceCode(rootA, `console.log("a1");`);
    await rootB.locator('.ex-notice[data-key="otherTabShown"]').waitFor();
    await replaceCode(rootA, `console.log("a2");`);
    await expect.poll(() => editorOrPlain(rootB, "ts")).toBe(`console.log("a2");`);
    expect(await rootB.locator('.ex-notice[data-key="otherTab"]').count()).toBe(0);
    // B types and saves: A, which typed, stops saving and says so. A's Reset then leaves B's saved edit alone.
    await replaceCode(rootB, `console.log("b1");`);
    await b.waitForFunction((k) => localStorage.getItem(k)?.includes("b1") === true, key(id));
    await rootA.locator('.ex-notice[data-key="otherTab"]').waitFor();
    await rootA.locator('[data-act="reset"]').click();
    expect(await stored(a, key(id))).toContain("b1");
    // A types again and saves (its Reset ended the stop): now B is behind. A resets its own
    // saved edit: B's edit is saved again at once.
    await replaceCode(rootA, `console.log("a3");`);
    await a.waitForFunction((k) => localStorage.getItem(k)?.includes("a3") === true, key(id));
    await rootB.locator('.ex-notice[data-key="otherTab"]').waitFor();
    await rootA.locator('[data-act="reset"]').click();
    await b.waitForFunction((k) => localStorage.getItem(k)?.includes("b1") === true, key(id));
    await a.close();
    await b.close();
  });

  it("saves both tabs' edits when the reader switches tabs while typing", async () => {
    const page = await fresh();
    const root = await wake(page, id);
    // Both editors open first, so the two edits below land well inside one save's delay.
    await pythonTab(root);
    await replacePython(root, `print("warm")\n`);
    await root.locator(".ex-views .ex-view-ts + label").click();
    await replaceCode(root, `console.log("warm");`);
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("warm") === true, key(id));
    await replaceCode(root, `console.log("quick ts");`);
    await root.locator(".ex-views .ex-view-py + label").click();
    await replacePython(root, `print("quick py")\n`);
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("quick py") === true, `asyncio-notes:edit:py:${id}`);
    expect(await stored(page, key(id))).toContain("quick ts");
    await page.close();
  });

  it("reloads to the reader's latest edit after they shared and edited on, and keeps a link's edits as theirs", async () => {
    const page = await fresh();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });
    let root = await wake(page, id);
    await replaceCode(root, `console.log("v1");`);
    await root.locator('[data-act="share"]').click();
    await root.locator('.ex-notice[data-key="shareCopied"], .ex-notice[data-key="shareInAddressBar"]').waitFor();
    expect(page.url()).toContain("#example=");
    // Edited on: the address no longer carries the link, so a reload shows v2.
    await replaceCode(root, `console.log("v2");`);
    await expect.poll(() => page.url()).toContain(`#example-${id}`);
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("v2") === true, key(id));
    await page.reload();
    root = await wake(page, id);
    expect(await editorOrPlain(root, "ts")).toBe(`console.log("v2");`);
    // A link opened with no edit of the reader's to protect: editing it saves it as theirs.
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${env.site.url}${first.path}#${await encodeShare(id, `console.log("linked");`)}`);
    root = await wake(page, id);
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    await replaceCode(root, `console.log("linked, edited");`);
    await page.waitForFunction((k) => localStorage.getItem(k)?.includes("linked, edited") === true, key(id));
    await page.goto(`${env.site.url}${first.path}`);
    root = await wake(page, id);
    expect(await editorOrPlain(root, "ts")).toBe(`console.log("linked, edited");`);
    await page.close();
  });

  it("refuses to share code too long for a link, and offers to copy it", async () => {
    const page = await fresh();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });
    const root = await wake(page, id);
    const long = Array.from({ length: 1000 }, (_, i) => `console.log("line ${i} of a long program, long enough to pass 64 KB");`).join("\n");
    await replaceCode(root, long);
    await root.locator('[data-act="share"]').click();
    await root.locator('.ex-notice[data-key="shareTooLarge"]').waitFor();
    expect(page.url()).not.toContain("#example=");
    expect(await root.locator(".ex-kit").isVisible()).toBe(false);
    await root.locator('.ex-notice [data-notice="action"]').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(long);
    await page.close();
  });

  it("shows the reader's own edit of the other tab beside a shared Python link, and closes the share kit once the code changes", async () => {
    const page = await fresh();
    const hash = await page.locator(`asyncio-example[data-id="${id}"]`).first().getAttribute("data-hash");
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key(id), JSON.stringify({ hash, code: `console.log("my ts");` })] as const);
    await page.goto(`${env.site.url}${first.path}#${await encodeShare(id, `print("shared py")\n`, "py")}`);
    const root = await wake(page, id);
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect(await root.locator(".ex-view-py").isChecked()).toBe(true);
    await root.locator(".ex-views .ex-view-ts + label").click();
    expect(await editorOrPlain(root, "ts")).toBe(`console.log("my ts");`);
    // Share opens the kit; an edit closes it (its links would carry the old code).
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });
    await root.locator('[data-act="share"]').click();
    await root.locator(".ex-kit:not([hidden])").waitFor();
    await replaceCode(root, `console.log("my ts, edited");`);
    await expect.poll(() => root.locator(".ex-kit").isVisible()).toBe(false);
    await page.close();
  });

  it("opens a share link pasted into the address of the page already open", async () => {
    const page = await fresh();
    const root = await wake(page, id);
    await page.evaluate((hash) => { location.hash = hash; }, await encodeShare(id, `console.log("pasted");`));
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect(await editorOrPlain(root, "ts")).toBe(`console.log("pasted");`);
    await page.close();
  });

  it("takes a share link to the page of its example, or, for an example the site does not have, to the playground with its code", async () => {
    const pages = pagesWithExamples();
    const other = pages.find((p) => !p.ids.includes(id))!;
    const page = await fresh();
    const hash = await encodeShare(id, `console.log("moved");`);
    await page.goto(`${env.site.url}${other.path}#${hash}`);
    await page.waitForURL(`${env.site.url}${first.path}#${hash}`);
    const root = await wake(page, id);
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect(await editorOrPlain(root, "ts")).toBe(`console.log("moved");`);
    await page.goto(`${env.site.url}${other.path}#${await encodeShare("no-such-example", `console.log(1);`)}`);
    await page.waitForURL(/\/playground\/#example=playground&code=/);
    const playground = await wake(page, "playground");
    await playground.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect(await editorOrPlain(playground, "ts")).toBe("console.log(1);");
    await page.close();
  });

  it("shows bidirectional controls in a shared link's read-only code", async () => {
    const code = `const access = "user\u202E \u2066// admin\u2069 \u2066";\nconsole.log(access);`;
    const page = await fresh(`#${await encodeShare(id, code)}`);
    const root = await wake(page, id);
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    const marks = await root.locator("pre.ex-plain .ex-bidi").allTextContents();
    expect(marks).toEqual(["<U+202E>", "<U+2066>", "<U+2069>", "<U+2066>"]);
    expect(await root.locator("pre.ex-plain").textContent()).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    await page.close();
  });
});
