/**
 * The embed kit from a course author's side (issue 12): a snippet copied from the
 * "For course authors" page, pasted into a page on another origin, shows the example at
 * the snippet's size without an inner scrollbar, in the language, theme and code tab the
 * snippet asks for (stored nowhere), and Run works inside the frame.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { DIST, expectedOutput, pagesWithExamples, pythonTab, replaceCode, setClock, stdout, wake } from "./runner-helpers";

const chromium = findChromium();

const EDITED = `import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  yield* asyncio.sleep(1);
  console.log("kit", 6 * 7);
}

await asyncio.run(main());
`;

/** Every snippet on the built course page, unescaped, by example id. */
function snippets(): Map<string, string> {
  const html = readFileSync(join(DIST, "for-course-authors", "index.html"), "utf8");
  const out = new Map<string, string>();
  for (const m of html.matchAll(/<code class="copy-text-value"[^>]*>([^<]*)<\/code>/g)) {
    const text = m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&amp;/g, "&");
    const id = /\/embed\/([a-z0-9-]+)\//.exec(text)?.[1];
    if (id) out.set(id, text);
  }
  return out;
}

describe.skipIf(!chromium)("embedding on another origin", () => {
  let site: StaticSite;
  let course: Server;
  let courseUrl = "";
  let browser: Browser;
  let html = "";

  beforeAll(async () => {
    site = await serveStatic();
    course = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    });
    await new Promise<void>((ok) => course.listen(0, "localhost", ok));
    const address = course.address();
    courseUrl = `http://localhost:${typeof address === "object" && address ? address.port : 0}/lesson.html`;
    browser = await launchBrowser(chromium!);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await new Promise<void>((ok) => (course ? course.close(() => ok()) : ok()));
  });

  it("lists a snippet for every example", () => {
    const ids = JSON.parse(readFileSync(join(DIST, "..", "content", "examples", "ids.json"), "utf8")) as string[];
    expect([...snippets().keys()].sort()).toEqual([...ids].sort());
  });

  it("describes each of the course page's Copy buttons by what it copies, so a screen reader tells them apart", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}for-course-authors/?lang=en`);
    const described = await page.locator(".copy-text-btn").evaluateAll((buttons) =>
      buttons.map((b) =>
        (b.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent?.trim() ?? "?")
          .join(" / "),
      ),
    );
    expect(described.length).toBeGreaterThan(30);
    expect(new Set(described).size).toBe(described.length);
    expect(described.some((d) => d.includes("?") || d === "")).toBe(false);
    await page.close();
  });

  it("gives each snippet a height that holds its example after a run, in Both mode, 720 px wide", async () => {
    // The four with a featured loop view (a hint under the toolbar) and the three tallest.
    const ids = ["callbacks-and-coroutines", "custom-awaitable", "task-states", "sleep-gather-concurrency", "runner-one-loop", "throw-and-close", "tracing-decorator"];
    const all = snippets();
    const page = await browser.newPage({ viewport: { width: 720, height: 400 } });
    for (const id of ids) {
      const snippet = all.get(id)!;
      const height = Number(/height="(\d+)"/.exec(snippet)?.[1]);
      const src = new URL(/src="([^"]+)"/.exec(snippet)![1]);
      expect(src.searchParams.get("lang"), "the course page's snippets leave the language to the reader: Both").toBeNull();
      await page.goto(new URL(src.pathname, site.url).href);
      const root = page.locator(`asyncio-example[data-id="${id}"]`);
      await root.locator(".ex-bar:not([hidden])").waitFor();
      await setClock(root, "virtual");
      await root.locator('[data-act="run"]').click();
      await page.waitForFunction(() => document.querySelector("asyncio-example")?.getAttribute("data-state") === "done");
      const used = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      expect(used, `${id}: ${used} px in a ${height} px frame`).toBeLessThanOrEqual(height);
    }
    await page.close();
  });

  it("names the address the course page was opened at in its snippets, which the built page names as SITE", async () => {
    expect([...snippets().values()][0]).toMatch(/^<iframe src="https?:\/\/(?!127\.0\.0\.1)/);
    const page = await browser.newPage();
    await page.goto(`${site.url}for-course-authors/`);
    const shown = await page.locator(".copy-text-value", { hasText: "<iframe" }).first().textContent();
    expect(shown).toContain(`src="${new URL("embed/", site.url).href}`);
    // The frame-fitting script listens to the served site too.
    expect(await page.locator(".copy-text-value", { hasText: "asyncio-notes:height" }).textContent()).toContain(`"${site.url}".indexOf(e.origin + "/")`);
    expect(await page.locator(".ca-page a").first().textContent()).toMatch(new RegExp(`^${site.url.replace(/[.]/g, "\\.")}`));
    await page.close();
  });

  it("shows the example at the snippet's size, in its language, theme and tab, and runs it", async () => {
    const [id, snippet] = [...snippets()].find(([i]) => i === "task-states") ?? [...snippets()][0];
    const height = Number(/height="(\d+)"/.exec(snippet)?.[1]);
    // The published snippet names the public site; here the site is on 127.0.0.1.
    const src = /src="([^"]+)"/.exec(snippet)![1];
    const local = new URL(new URL(src).pathname, site.url);
    local.search = "?lang=en&theme=dark&tab=py";
    html = `<!doctype html><meta charset="utf-8"><title>Lesson</title><h1>Lesson 3</h1>${snippet.replace(src, local.href)}`;

    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const pyodide: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/_runner/pyodide-")) pyodide.push(r.url());
    });
    await page.goto(courseUrl);
    expect(new URL(page.url()).origin).not.toBe(new URL(site.url).origin);
    const box = await page.locator("iframe").boundingBox();
    expect(box?.height).toBe(height);
    const frame = page.frames().find((f) => f.url().includes(`/embed/${id}/`))!;
    expect(frame).toBeDefined();
    await frame.waitForLoadState("load");

    expect(await frame.evaluate(() => document.documentElement.dataset.lang)).toBe("en");
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await frame.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await frame.locator(".ex-code--py").isVisible()).toBe(true);
    expect(await frame.locator(".ex-code--ts").isVisible()).toBe(false);
    expect(await frame.locator(".ex-title .l-ko").first().isVisible()).toBe(false);
    // The frame is a page of its own: the example's title is its one heading.
    expect(await frame.locator("h1").count()).toBe(1);
    expect(await frame.locator("h1.ex-title > .l-en, h1.ex-title > .l-same").textContent()).not.toBe("");
    // Its links out open the site at the top of the window, in the embed's language.
    for (const link of await frame.locator("a.ex-link").all()) {
      expect(await link.getAttribute("target")).toBe("_top");
      expect(new URL((await link.getAttribute("href")) ?? "", site.url).searchParams.get("lang")).toBe("en");
    }
    expect(await frame.locator("a.ex-link").count()).toBe(2);
    // Nothing the snippet asked for became the reader's preference (storage in a
    // third-party frame may be refused outright, which stores nothing either).
    const stored = await frame.evaluate(() => {
      try {
        return [localStorage.getItem("notes:lang"), localStorage.getItem("notes:theme")];
      } catch {
        return [null, null];
      }
    });
    expect(stored).toEqual([null, null]);

    const root = frame.locator(`asyncio-example[data-id="${id}"]`);
    await root.locator(".ex-bar:not([hidden])").waitFor();
    await setClock(root, "virtual");
    // (The frame is on another origin, so wait inside it rather than from the course page.)
    await root.locator('[data-act="run"]').click();
    await frame.waitForFunction(() => /^(done|stopped|limit-time|limit-lines|crashed)$/.test(document.querySelector("asyncio-example")?.getAttribute("data-state") ?? ""));
    expect(await root.getAttribute("data-state")).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
    // ?tab=py runs what it shows: the Python original, on CPython (not the twin).
    expect(pyodide.length).toBeGreaterThan(0);
    // The whole example and its output fit the snippet's height: no inner scrollbar.
    const inner = await frame.evaluate(() => document.documentElement.scrollHeight);
    expect(inner).toBeLessThanOrEqual(height);
    await page.close();
  });

  it("fits a phone-width frame to its example with the course page's script, before and after a run", async () => {
    const html0 = readFileSync(join(DIST, "for-course-authors", "index.html"), "utf8");
    const code = [...html0.matchAll(/<code class="copy-text-value"[^>]*>([^<]*)<\/code>/g)]
      .map((m) => m[1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;|&#34;/g, '"').replace(/&amp;/g, "&"))
      .filter((t) => t.includes("asyncio-notes:height"));
    expect(code).toHaveLength(1);
    const id = "task-states";
    const snippet = snippets().get(id)!;
    const height = Number(/height="(\d+)"/.exec(snippet)?.[1]);
    // The built page names the public site; here the site is on 127.0.0.1 (the page rewrites the same way).
    const built = /data-built-root="([^"]+)"/.exec(html0)![1];
    const src = /src="([^"]+)"/.exec(snippet)![1];
    html = `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Lesson</title>${snippet.replace(src, new URL(new URL(src).pathname, site.url).href)}${code[0].replaceAll(built, site.url)}`;
    const ctx = await browser.newContext({ viewport: { width: 390, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(courseUrl);
    await expect.poll(() => page.frames().some((f) => f.url().includes(`/embed/${id}/`)), { timeout: 20_000 }).toBe(true);
    const frame = page.frames().find((f) => f.url().includes(`/embed/${id}/`))!;
    const root = frame.locator(`asyncio-example[data-id="${id}"]`);
    await root.locator(".ex-bar:not([hidden])").waitFor();
    const fits = async (): Promise<[number, number]> => [
      Math.round((await page.locator("iframe").boundingBox())!.height),
      await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)),
    ];
    await expect.poll(async () => { const [outer, inner] = await fits(); return outer === inner; }).toBe(true);
    const before = (await fits())[0];
    // At 390 px the example is taller than the snippet's 720-px height: the script gave it room.
    expect(before).toBeGreaterThan(height);
    await setClock(root, "virtual");
    await root.locator('[data-act="run"]').click();
    await frame.waitForFunction(() => document.querySelector("asyncio-example")?.getAttribute("data-state") === "done");
    await expect.poll(async () => { const [outer, inner] = await fits(); return outer === inner && outer > before; }).toBe(true);
    await ctx.close();
  });

  it("never stores ?lang=, ?theme= or ?tab= as the reader's preference on the site", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}embed/task-states/?lang=en&theme=dark&tab=py`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
    expect(await page.evaluate(() => [localStorage.getItem("notes:lang"), localStorage.getItem("notes:theme")])).toEqual([null, null]);
    await page.goto(`${site.url}generator/`);
    expect(await page.evaluate(() => [document.documentElement.dataset.lang, document.documentElement.dataset.themePref])).toEqual(["both", "system"]);
    await page.close();
  });

  it("does not move as the example wakes: no layout shift on any embed, on a phone (Lighthouse's profile)", async () => {
    const ctx = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: string[]; __shift: number };
      w.__shift = 0;
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; sources: { node?: Node }[] }[]) {
          w.__shift += e.value;
          w.__shifts.push(e.sources.map((s) => (s.node as Element | undefined)?.className ?? "?").join(","));
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    const moved: string[] = [];
    for (const id of snippets().keys()) {
      await page.goto(`${site.url}embed/${id}/`);
      await page.locator(".ex-bar:not([hidden])").waitFor();
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const { shift, shifts } = await page.evaluate(() => {
        const w = window as unknown as { __shifts: string[]; __shift: number };
        return { shift: w.__shift, shifts: w.__shifts };
      });
      if (shift > 0) moved.push(`${id}: ${shift.toFixed(4)} (${shifts.join("; ")})`);
    }
    expect(moved).toEqual([]);
    await ctx.close();
  });

  it("keeps the controls out of the layout with JavaScript off", async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${site.url}embed/task-states/`);
    const shown = await page.locator(".ex-bar, .ex-hint").evaluateAll((els) => els.map((e) => getComputedStyle(e).display));
    expect(shown).toEqual(["none", "none"]);
    // Its one way out, to the section, opens at the top of the window, not inside the frame.
    const out = page.locator(".ex-nojs-link a");
    expect(await out.isVisible()).toBe(true);
    expect(await out.getAttribute("target")).toBe("_top");
    expect(await out.getAttribute("href")).toMatch(/#example-task-states$/);
    // It says what JavaScript would add: a shared link's code, the address's choices.
    const said = page.locator(".runner-nojs:not([data-sandboxed])");
    expect(await said.isVisible()).toBe(true);
    // The note for a sandboxed frame is not this case's.
    expect(await page.locator("[data-sandboxed]").isVisible()).toBe(false);
    expect(await said.innerText()).toMatch(/JavaScript가 꺼져 있어[\s\S]*JavaScript is off/);
    await ctx.close();
  });

  it("gives an unedited example's kit snippet the course page's height, run or not", async () => {
    const id = "two-tasks-interleave";
    const want = Number(/height="(\d+)"/.exec(snippets().get(id)!)?.[1]);
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${site.url}intro/?lang=both`);
    const root = await wake(page, id);
    const kitHeight = async (): Promise<number> => {
      await root.locator('[data-act="share"]').click();
      const kit = root.locator(".ex-kit:not([hidden])");
      await kit.waitFor();
      const snippet = (await kit.locator(".ex-kit-value").allTextContents())[1];
      return Number(/height="(\d+)"/.exec(snippet)?.[1]);
    };
    // Before this fix the kit counted the output on screen: none before a run, 976 px against 1123.
    expect(await kitHeight()).toBe(want);
    await setClock(root, "virtual");
    await root.locator('[data-act="run"]').click();
    await page.waitForFunction((el) => el?.getAttribute("data-state") === "done", await root.elementHandle());
    expect(await kitHeight()).toBe(want);
    await ctx.close();
  });

  it("copies from an embed's Share the same link its kit's Link row shows, in the embed's language", async () => {
    const ctx = await browser.newContext({ viewport: { width: 900, height: 900 } });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await ctx.newPage();
    await page.goto(`${site.url}embed/two-tasks-interleave/?lang=ko&tab=py`);
    const root = page.locator('asyncio-example[data-id="two-tasks-interleave"]');
    await root.locator(".ex-bar:not([hidden])").waitFor();
    await root.locator('[data-act="share"]').click();
    const kit = root.locator(".ex-kit:not([hidden])");
    await kit.waitFor();
    const link = (await kit.locator(".ex-kit-value").allTextContents())[0];
    // The embed shows the Python tab (?tab=py): the link opens the example there too.
    expect(link).toMatch(/\/intro\/\?lang=ko&tab=py#example-two-tasks-interleave$/);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await ctx.close();
  });

  it("copies from a page's Share the kit's Link row: the reader's language and tab, nothing else of the address", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await ctx.newPage();
    await page.goto(`${site.url}generator/?utm_source=lms&lang=ko`);
    // The reader switches to English with the header's buttons, then shares the Python tab.
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('[data-set-lang="en"]')!.click());
    await page.waitForFunction(() => document.documentElement.dataset.lang === "en");
    const root = await wake(page, "doubling-generator");
    await pythonTab(root);
    await root.locator('[data-act="share"]').click();
    const kit = root.locator(".ex-kit:not([hidden])");
    await kit.waitFor();
    const link = (await kit.locator(".ex-kit-value").allTextContents())[0];
    expect(link).toBe(`${site.url}generator/?lang=en&tab=py#example-doubling-generator`);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    expect(page.url(), "the address bar holds the same link").toBe(link);
    // Opened cold, the link shows the example on its Python tab, in view.
    const cold = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await cold.goto(link);
    const opened = cold.locator('asyncio-example[data-id="doubling-generator"]');
    expect(await opened.locator(".ex-view-py").isChecked()).toBe(true);
    expect(await opened.locator(".ex-code--py").isVisible()).toBe(true);
    const top = await opened.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    await cold.close();
    // The playground's Share keeps its ?example= and ?tab=, and nothing else either.
    await page.goto(`${site.url}playground/?example=doubling-generator&utm_source=lms&lang=en&tab=py`);
    const pg = await wake(page, "playground");
    await pg.locator('[data-act="share"]').click();
    await pg.locator(".ex-kit:not([hidden])").waitFor();
    expect((await pg.locator(".ex-kit:not([hidden]) .ex-kit-value").allTextContents())[0]).toBe(
      `${site.url}playground/?example=doubling-generator&tab=py&lang=en`,
    );
    await ctx.close();
  });

  it("shows the published example and says why in a frame sandboxed without allow-same-origin", async () => {
    const ctx = await browser.newContext({ viewport: { width: 900, height: 900 } });
    const lesson = await ctx.newPage();
    html = `<!doctype html><meta charset="utf-8"><title>Lesson</title><iframe sandbox="allow-scripts allow-popups" src="${site.url}embed/hello-asyncio/?lang=en" width="720" height="600"></iframe>`;
    await lesson.goto(courseUrl);
    await expect.poll(() => lesson.frames().some((f) => f.url().includes("/embed/hello-asyncio/"))).toBe(true);
    const frame = lesson.frames().find((f) => f.url().includes("/embed/hello-asyncio/"))!;
    const note = frame.locator("[data-sandboxed]");
    await note.waitFor({ state: "visible" });
    expect(await note.locator(".l-en").innerText()).toContain("allow-same-origin");
    expect(await note.locator(".l-ko").isVisible(), "in the embed's language only").toBe(false);
    expect((await frame.locator(".ex-out--static").innerText()).trimEnd()).toBe(expectedOutput("hello-asyncio"));
    // The way out opens a window of its own: the sandbox refuses navigating the lesson.
    expect(await frame.locator(".ex-nojs-link a").getAttribute("target")).toBe("_blank");
    // With the scripts allowed, none of it shows.
    html = html.replace('sandbox="allow-scripts allow-popups"', 'sandbox="allow-scripts allow-same-origin"');
    await lesson.goto(courseUrl);
    await expect.poll(() => lesson.frames().some((f) => f.url().includes("/embed/hello-asyncio/"))).toBe(true);
    const allowed = lesson.frames().find((f) => f.url().includes("/embed/hello-asyncio/"))!;
    await allowed.locator("asyncio-example .ex-bar:not([hidden])").waitFor();
    expect(await allowed.locator("[data-sandboxed]").isVisible()).toBe(false);
    await ctx.close();
  });

  it("titles an embed's tab in the language its address asks for", async () => {
    const page = await browser.newPage();
    for (const lang of ["en", "ko"] as const) {
      await page.goto(`${site.url}embed/task-states/?lang=${lang}`);
      const want = await page.locator("head > title").getAttribute(`data-${lang}`);
      expect(want).toBeTruthy();
      expect(await page.title()).toBe(want);
    }
    await page.goto(`${site.url}embed/task-states/?lang=both`);
    expect(await page.title()).toContain(" · ");
    await page.close();
  });

  it("builds an embed kit from the Share button with the reader's choices, and its snippet works elsewhere", async () => {
    const first = pagesWithExamples()[0];
    const id = first.ids[0];
    const ctx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await ctx.newPage();
    await page.goto(`${site.url}${first.path}?lang=en`);
    await page.evaluate(() => localStorage.setItem("notes:theme", "dark"));
    await page.reload();
    const root = await wake(page, id);
    await replaceCode(root, EDITED);
    await root.locator('[data-act="share"]').click();
    const kit = root.locator(".ex-kit:not([hidden])");
    await kit.waitFor();
    const values = await kit.locator(".ex-kit-value").allTextContents();
    expect(values).toHaveLength(3);
    const [link, snippet, markdown] = values;
    expect(link).toContain(`${first.path}?lang=en#example=${id}&code=`);
    expect(snippet).toMatch(new RegExp(`^<iframe src="[^"]*/embed/${id}/\\?lang=en&amp;theme=dark#example=${id}&amp;code=`));
    expect(markdown.endsWith(`](${link})`)).toBe(true);
    // Titled with the example's English title (the reader's mode), not the "Example" kicker.
    const title = (await root.locator(".ex-title > .l-en").textContent())!.trim();
    expect(markdown.startsWith(`[${title}](`)).toBe(true);
    expect(snippet).toContain(`title="${title}"`);

    // One click copies; the confirmation is in the reader's language.
    await kit.locator(".ex-kit-copy").nth(1).click();
    await kit.locator(".ex-kit-status .l-en").first().waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
    expect(await kit.locator(".ex-kit-status .l-en").first().isVisible()).toBe(true);
    expect(await kit.locator(".ex-kit-status .l-ko").first().isVisible()).toBe(false);

    // The snippet, pasted on another origin far down a lesson, shows and runs the reader's
    // edit, and does not scroll the lesson to itself as it opens the shared code.
    html = `<!doctype html><meta charset="utf-8"><title>Lesson</title><h1>Lesson</h1><div style="height:3000px"></div>${snippet.replace(' loading="lazy"', "")}`;
    const lesson = await ctx.newPage();
    await lesson.goto(courseUrl);
    await lesson.waitForFunction(() => document.querySelector("iframe") !== null);
    await expect.poll(() => lesson.frames().some((f) => f.url().includes(`/embed/${id}/`)), { timeout: 20_000 }).toBe(true);
    const frame = lesson.frames().find((f) => f.url().includes(`/embed/${id}/`))!;
    await frame.waitForLoadState("load");
    expect(await frame.evaluate(() => [document.documentElement.dataset.lang, document.documentElement.dataset.theme])).toEqual(["en", "dark"]);
    const embedded = frame.locator(`asyncio-example[data-id="${id}"]`);
    await embedded.locator(".ex-bar:not([hidden])").waitFor();
    await embedded.locator(".ex-notice:not([hidden])").waitFor();
    expect(await lesson.evaluate(() => scrollY), "the lesson stays where its reader is").toBe(0);
    await setClock(embedded, "virtual");
    await embedded.locator('[data-act="run"]').click();
    await frame.waitForFunction(() => /^(done|crashed)$/.test(document.querySelector("asyncio-example")?.getAttribute("data-state") ?? ""), undefined, { timeout: 60_000 });
    expect(await stdout(embedded)).toBe("kit 42");
    await page.evaluate(() => localStorage.clear());
    await ctx.close();
  });
});
