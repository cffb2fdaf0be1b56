/**
 * /embed/<id>/ inside an iframe: it runs, honours ?lang=, links back to its section and
 * tells the parent its height. /playground/ opens an example by ?example= (both tabs) and
 * runs it, runs Python on its second tab (?tab=py opens there); its picker names the
 * examples in the reader's language; its empty boxes say what to write.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, findChromium } from "./lib";
import { expectedOutput, pagesWithExamples, pythonTab, replaceCode, replacePython, run, setClock, stdout, wake } from "./runner-helpers";
import { useBrowserSite } from "./session";
import { runnerStrings } from "../../src/i18n/runner";

const chromium = findChromium();

describe.skipIf(!chromium)("embed and playground", () => {
  const env = useBrowserSite(chromium, { page: true });
  const first = chromium ? pagesWithExamples()[0] : { path: "", ids: [""] };
  const id = first.ids[0];

  it("runs inside an iframe and posts its height to the parent", async () => {
    await env.page.goto(env.site.url + "404.html");
    await env.page.evaluate((src) => {
      const w = window as unknown as { heights: unknown[] };
      w.heights = [];
      addEventListener("message", (e) => w.heights.push(e.data));
      document.body.innerHTML = "";
      const frame = document.createElement("iframe");
      frame.src = src;
      frame.style.width = "700px";
      document.body.append(frame);
    }, `${env.site.url}embed/${id}/?lang=en`);
    await env.page.waitForFunction(() => (window as unknown as { heights: unknown[] }).heights.length > 0);
    const [message] = await env.page.evaluate(() => (window as unknown as { heights: { type: string; id: string; height: number }[] }).heights);
    expect(message.type).toBe("asyncio-notes:height");
    expect(message.id).toBe(id);
    expect(message.height).toBeGreaterThan(100);

    const frame = env.page.frames().find((f) => f.url().includes(`/embed/${id}/`));
    expect(frame).toBeDefined();
    expect(await frame!.evaluate(() => document.documentElement.dataset.lang)).toBe("en");
    // An embed obeys ?lang= but, a guest on another page, does not store it as the reader's mode.
    expect(await frame!.evaluate(() => localStorage.getItem("notes:lang"))).toBeNull();
    // Its link back to the section opens at the top of the window, in the embed's language.
    const back = await frame!.locator(`a[target="_top"]:not([data-part="playground"])`).getAttribute("href");
    expect(back).toMatch(new RegExp(`/[a-z-]+/\\?lang=en#example-${id}$`));
    const root = frame!.locator(`asyncio-example[data-id="${id}"]`);
    await root.locator(".ex-bar:not([hidden])").waitFor();
    await setClock(root, "virtual");
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
  });

  it("sends the reader to the example's page with the tab shown and the edit, as Open in the playground does", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.site.url}embed/${id}/?lang=en`);
    const root = await wake(page, id);
    const back = root.locator('[data-part="section"]');
    const plain = new RegExp(`/${first.path}\\?lang=en#example-${id}$`);
    expect(await back.getAttribute("href")).toMatch(plain);
    // The Python tab, unedited: the page opens on that tab, at the example.
    await pythonTab(root);
    await expect.poll(() => back.getAttribute("href")).toMatch(new RegExp(`\\?lang=en&tab=py#example-${id}$`));
    // Edited: the edit goes along as a share link of the example.
    await replacePython(root, `print("from the embed")\n`);
    await expect.poll(() => back.getAttribute("href")).toMatch(new RegExp(`\\?lang=en&tab=py#example=${id}&lang=py&code=`));
    await back.click();
    await page.waitForURL(new RegExp(`/${first.path}\\?lang=en&tab=py#example=`));
    const there = await wake(page, id);
    await there.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect(await there.locator(".ex-view-py").isChecked()).toBe(true);
    expect((await there.locator(".ex-code--py pre.ex-plain").textContent())?.trim()).toBe(`print("from the embed")`);
    await context.close();
  });

  it("keeps Run in sight in a frame shorter than the example, and the cursor clear of the toolbar", async () => {
    await env.page.setViewportSize({ width: 720, height: 460 });
    try {
      await env.page.goto(`${env.site.url}embed/throw-and-close/?lang=en`);
      const root = env.page.locator('asyncio-example[data-id="throw-and-close"]');
      const bar = root.locator(".ex-bar:not([hidden])");
      await bar.waitFor();
      const foot = async () => (await bar.boundingBox())!;
      // The code is far taller than the frame: the toolbar waits at its foot, Run in it.
      expect(Math.round((await foot()).y + (await foot()).height)).toBe(460);
      await expect.poll(async () => (await root.locator('[data-act="run"]').boundingBox())!.y).toBeLessThan(460);
      // Walking down the code with the keyboard: the cursor line always shows above the toolbar.
      await root.locator(".ex-code--ts pre:not([hidden])").first().click();
      await root.locator(".cm-editor").waitFor();
      await root.locator(".cm-content").click({ position: { x: 10, y: 5 } });
      const toolbarTop = (await foot()).y;
      for (let i = 0; i < 30; i++) {
        await env.page.keyboard.press("ArrowDown");
        // Read once the editor has measured and scrolled (in an animation frame).
        const cursor = await env.page.evaluate(async () => {
          await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
          // The editor's drawn cursor (a DOM range has no box on an empty line).
          const r = document.querySelector(".cm-focused .cm-cursor-primary")!.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom };
        });
        expect(cursor.top).toBeGreaterThanOrEqual(0);
        expect(cursor.bottom).toBeLessThanOrEqual(toolbarTop);
      }
      expect(await env.page.evaluate(() => scrollY)).toBeGreaterThan(0);
      // Run from there runs, and brings the output into the frame's view (the frame's own
      // scroll, which no parent follows): the toolbar settles above it.
      await setClock(root, "virtual");
      expect(await run(root)).toBe("done");
      expect(await stdout(root)).toBe(expectedOutput("throw-and-close"));
      // Read in one frame, once the (smooth) scroll has settled.
      const settled = (): Promise<{ out: number; barBottom: number }> =>
        root.evaluate((el) => ({
          out: Math.round(el.querySelector('[data-part="out-wrap"]')!.getBoundingClientRect().top),
          barBottom: Math.round(el.querySelector(".ex-bar")!.getBoundingClientRect().bottom),
        }));
      await expect.poll(async () => { const s = await settled(); return s.out < 460 - 48 && s.barBottom <= s.out; }).toBe(true);
    } finally {
      await env.page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  it("brings the output (on Run) and the loop view (on See the loop) into a low frame's view without scrolling the course page around it", async () => {
    // The course page on another origin (localhost, the site on 127.0.0.1), the frame at its top, a long lesson below.
    await env.page.goto(env.site.url.replace("127.0.0.1", "localhost") + "404.html");
    await env.page.evaluate((src) => {
      document.body.innerHTML = `<h1>Lesson</h1><iframe src="${src}" style="width:720px;height:460px"></iframe><div style="height:3000px"></div>`;
    }, `${env.site.url}embed/throw-and-close/?lang=en`);
    await expect.poll(() => env.page.frames().some((f) => f.url().includes("/embed/throw-and-close/"))).toBe(true);
    const frame = env.page.frames().find((f) => f.url().includes("/embed/throw-and-close/"))!;
    const root = frame.locator("asyncio-example");
    await root.locator(".ex-bar:not([hidden])").waitFor();
    await setClock(root, "virtual");
    await root.locator('[data-act="run"]').click();
    await frame.waitForFunction(() => document.querySelector("asyncio-example")?.getAttribute("data-state") === "done");
    await expect.poll(() => frame.evaluate(() => document.querySelector('[data-part="out-wrap"]')!.getBoundingClientRect().top)).toBeLessThan(460 - 48);
    expect(await env.page.evaluate(() => scrollY), "the lesson stays where its reader is").toBe(0);
    // See the loop, opened below the output, comes into the frame's view the same way.
    await root.locator('[data-act="loop"]').click();
    const panel = root.locator('[data-part="loop"]');
    await expect.poll(() => panel.evaluate((el) => Math.round(el.getBoundingClientRect().top)), { timeout: 20_000 }).toBeLessThan(100);
    expect(await env.page.evaluate(() => scrollY), "the lesson stays where its reader is").toBe(0);
  });

  it("opens an example in the playground and runs it", async () => {
    await env.page.goto(`${env.site.url}playground/?example=${id}`);
    const root = await wake(env.page, "playground");
    await root.locator(".ex-code--ts pre.ex-plain").waitFor();
    await setClock(root, "virtual");
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
    // An id retyped in capitals is the same example, picked in the list too.
    await env.page.goto(`${env.site.url}playground/?example=${id.toUpperCase()}`);
    const again = await wake(env.page, "playground");
    await again.locator(".ex-code--ts pre.ex-plain").waitFor();
    expect(await again.locator('.ex-notice[data-key="playgroundUnknown"]').count()).toBe(0);
    expect(await env.page.locator("#playground-example").inputValue()).toBe(id);
    expect(await run(again)).toBe("done");
    expect(await stdout(again)).toBe(expectedOutput(id));
  });

  it("says when ?example= names no example, and offers the nearest one", async () => {
    const typo = id.slice(0, -1); // one letter short
    await env.page.goto(`${env.site.url}playground/?example=${typo}&tab=py`);
    const root = await wake(env.page, "playground");
    const notice = root.locator('.ex-notice[data-key="playgroundUnknown"]');
    await notice.waitFor();
    expect(await notice.locator(".l-en").first().textContent()).toBe(`There is no example named “${typo}”, so the playground opened with an empty editor. Pick an example from the list above.`);
    expect(await notice.locator(".l-ko").first().textContent()).toBe(`“${typo}”라는 예제가 없어서 빈 편집기로 열었습니다. 위 목록에서 예제를 고르세요.`);
    await notice.locator('[data-notice="action"]').click();
    await env.page.waitForURL((url) => url.searchParams.get("example") === id);
    expect(new URL(env.page.url()).searchParams.get("tab")).toBe("py");
    // The placeholder pasted as it was names nothing near: the notice offers no guess.
    await env.page.goto(`${env.site.url}playground/?example=%3Cid%3E`);
    const again = await wake(env.page, "playground");
    await again.locator('.ex-notice[data-key="playgroundUnknown"]').waitFor();
    expect(await again.locator('.ex-notice [data-notice="action"]').count()).toBe(0);
    // With a draft saved in the empty playground, the notice still says the name was wrong.
    await replaceCode(again, `console.log("draft");`);
    await env.page.waitForFunction(() => localStorage.getItem("asyncio-notes:edit:ts:playground:") !== null);
    await env.page.goto(`${env.site.url}playground/?example=${typo}`);
    const third = await wake(env.page, "playground");
    await third.locator('.ex-notice[data-key="playgroundUnknown"]').waitFor();
    await env.page.waitForTimeout(300);
    expect(await third.locator('.ex-notice[data-key="playgroundUnknown"]').count()).toBe(1);
    await env.page.evaluate(() => localStorage.clear());
  });

  it("tells a reader with JavaScript off what the playground needs", async () => {
    const ctx = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${env.site.url}playground/?example=${id}`);
    expect(await page.locator(".playground-nojs").isVisible()).toBe(true);
    expect(await page.locator(".playground-nojs").textContent()).toContain("The playground loads and runs an example's code with JavaScript.");
    await ctx.close();
  });

  it("names the playground's examples in the reader's language, grouped by section, and shows the one opened", async () => {
    const meta = JSON.parse(readFileSync(join(ROOT, "content", "examples", id, "meta.json"), "utf8")) as { title: { ko: string; en: string } };
    const plain = (t: string) => t.replace(/`/g, "");
    const picker = env.page.locator("#playground-example");
    const chosen = () => picker.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.text ?? "");
    const groups = () => picker.evaluate((s) => [...(s as HTMLSelectElement).querySelectorAll("optgroup")].map((g) => g.label));
    await env.page.goto(`${env.site.url}playground/?example=${id}&lang=en`);
    expect(await picker.inputValue()).toBe(id);
    expect(await chosen()).toBe(plain(meta.title.en));
    expect((await groups()).length).toBeGreaterThan(1);
    expect((await groups()).filter((g) => /[\uac00-\ud7a3]/.test(g))).toEqual([]);
    // The language switch renames them at once; Both shows the two, as built.
    await env.page.locator('[data-set-lang="ko"]').click();
    expect(await chosen()).toBe(plain(meta.title.ko));
    await env.page.locator('[data-set-lang="both"]').click();
    expect(await chosen()).toBe(`${plain(meta.title.ko)} · ${plain(meta.title.en)}`);
    // The picker is a plain form: choosing and submitting opens that example.
    const other = pagesWithExamples().flatMap((p) => p.ids).find((x) => x !== id)!;
    await picker.selectOption(other);
    await env.page.locator(".playground-pick button[type=submit]").click();
    await env.page.waitForURL((u) => u.searchParams.get("example") === other);
    expect(await picker.inputValue()).toBe(other);
  });

  it("opens an example in the playground with its Python original on the second tab", async () => {
    const python = readFileSync(join(ROOT, "content", "examples", id, "example.py"), "utf8").replace(/\n+$/, "");
    await env.page.goto(`${env.site.url}playground/?example=${id}`);
    const root = await wake(env.page, "playground");
    await root.locator(".ex-code--ts pre.ex-plain").waitFor();
    // The example's code came in: nothing says the box is empty.
    expect(await root.locator(".ex-code--ts .ex-placeholder").isVisible()).toBe(false);
    await pythonTab(root);
    await expect.poll(async () => (await root.locator(".ex-code--py pre:not([hidden])").first().textContent())?.replace(/\n+$/, "")).toBe(python);
    expect(await root.locator(".ex-code--py .ex-placeholder").isVisible()).toBe(false);
    // The address names the tab shown, so a reload opens the playground on it again.
    await expect.poll(() => new URL(env.page.url()).searchParams.get("tab")).toBe("py");
    await env.page.reload();
    const again = await wake(env.page, "playground");
    expect(await again.locator(".ex-view-py").isChecked()).toBe(true);
    await again.locator(".ex-views .ex-view-ts + label").click();
    await expect.poll(() => new URL(env.page.url()).searchParams.has("tab")).toBe(false);
  });

  it("runs Python typed into the playground's Python tab, on CPython, opened there by ?tab=py", async () => {
    const pyodide: string[] = [];
    env.page.on("request", (r) => {
      if (r.url().includes("/_runner/pyodide-")) pyodide.push(r.url());
    });
    await env.page.goto(`${env.site.url}playground/?tab=py`);
    const root = await wake(env.page, "playground");
    expect(await root.locator(".ex-view-py").isChecked()).toBe(true);
    expect(await root.locator(".ex-code--py").isVisible()).toBe(true);
    await replacePython(root, `import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    print("hi from CPython")\n\nasyncio.run(main())\n`);
    expect(await run(root, 90_000)).toBe("done");
    expect(await stdout(root)).toBe("hi from CPython");
    expect(pyodide.length).toBeGreaterThan(0);
    // Picking another example keeps the reader on the Python tab.
    const other = pagesWithExamples()[0].ids[0];
    await env.page.locator("#playground-example").selectOption(other);
    await env.page.locator(".playground-pick button[type=submit]").click();
    await env.page.waitForURL((u) => u.searchParams.get("example") === other && u.searchParams.get("tab") === "py");
    expect(await env.page.locator(".ex-view-py").isChecked()).toBe(true);
  });

  it("says what to write in the empty playground, and runs code typed there", async () => {
    // Empty: a fresh context, so the Python typed by the test before is not brought back
    // (clearing storage on the open playground raced its own save of the restored draft).
    const ctx = await env.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${env.site.url}playground/?lang=ko`);
    const root = await wake(page, "playground");
    // Before the editor loads, the empty box says what to write, in the reader's language.
    // Its Python tab is just "Python": nobody's original.
    expect((await root.locator(".ex-view-py + label").textContent())?.trim()).toBe("Python");
    const hint = root.locator(".ex-code--ts .ex-placeholder");
    // (Polled: right after the reload the island is still settling the tabs.)
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.locator(".l-ko").textContent()).toBe(runnerStrings.ko.placeholderTs);
    expect(await hint.locator(".l-en").isVisible()).toBe(false);
    // The editor's own placeholder, named for a screen reader; gone once there is code.
    await root.locator(".ex-code--ts pre").first().click();
    await root.locator(".ex-code--ts .cm-editor").waitFor();
    expect(await hint.count()).toBe(0);
    expect(await root.locator(".ex-code--ts .cm-placeholder .l-ko").textContent()).toBe(runnerStrings.ko.placeholderTs);
    expect(await root.locator(".ex-code--ts .cm-content").getAttribute("aria-placeholder")).toBe(runnerStrings.ko.placeholderTs);
    // In English mode the English words show (the placeholder follows the switch).
    await page.locator('[data-set-lang="en"]').click();
    expect(await root.locator(".ex-code--ts .cm-placeholder .l-en").isVisible()).toBe(true);
    expect(await root.locator(".ex-code--ts .cm-placeholder .l-ko").isVisible()).toBe(false);
    await page.locator('[data-set-lang="ko"]').click();
    expect(await root.locator(".ex-code--py .ex-placeholder .l-ko").textContent()).toBe(runnerStrings.ko.placeholderPy);
    await replaceCode(root, `import * as asyncio from "asyncio";\nawait asyncio.run((function* () { console.log("hi from the playground"); })());\n`);
    expect(await root.locator(".ex-code--ts .cm-placeholder").count()).toBe(0);
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe("hi from the playground");
    await ctx.close();
  });
});
