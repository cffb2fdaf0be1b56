/**
 * Deep links land at once (issue 12): opening `<page>#id` shows that block at the top
 * by the load event, with no animation; a link to a block of the hidden language lands
 * on its twin the same way. Smooth scrolling is for in-page clicks only, and never
 * under reduced motion.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { encodeShare } from "../../src/runner/share";

const chromium = findChromium();

/** Where `id` sat when the load event fired, and whether the page was still scrolling after. */
async function atLoad(page: Page, url: string, id: string) {
  await page.goto("about:blank");
  await page.goto(url, { waitUntil: "load" });
  const seen = await page.evaluate(() => (window as unknown as { __atLoad: { y: number; tops: Record<string, number> } }).__atLoad);
  await page.waitForTimeout(400);
  // Where the block is a moment later (examples above it may have grown their toolbars
  // meanwhile; scroll anchoring keeps the block in place, which is what counts).
  const later = await page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);
  const height = await page.evaluate(() => innerHeight);
  return { top: seen.tops[id], y: seen.y, later, height };
}

describe.skipIf(!chromium)("deep links", () => {
  let site: StaticSite;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    site = await serveStatic();
    browser = await launchBrowser(chromium!);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // At the load event, record where every id'd block is (the test's ids are read later).
    await ctx.addInitScript(() => {
      addEventListener("load", () => {
        const tops: Record<string, number> = {};
        for (const el of document.querySelectorAll("[id]")) tops[el.id] = el.getBoundingClientRect().top;
        (window as unknown as { __atLoad: unknown }).__atLoad = { y: scrollY, tops };
      });
    });
    page = await ctx.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** Ids deep in the longest page: a heading, a paragraph pair, an example. */
  async function deepIds(path: string): Promise<string[]> {
    await page.goto(site.url + path);
    return page.evaluate(() => {
      const last = <T extends Element>(sel: string) => [...document.querySelectorAll<T>(sel)].at(-2) ?? document.querySelector<T>(sel);
      return [last(".heading[id]"), last(".pair[id]:not(.correction)"), last("asyncio-example[id]")].map((e) => e!.id);
    });
  }

  it("shows the linked block at the top by the load event, without animation", async () => {
    // /intro/: its targets sit below tables that are skipped off screen on a plain load.
    for (const path of ["asyncio/", "generator/", "intro/"]) {
      for (const id of await deepIds(path)) {
        const r = await atLoad(page, `${site.url}${path}#${id}`, id);
        expect(r.y, `${path}#${id} scrolled`).toBeGreaterThan(1000);
        expect(r.top, `${path}#${id} top at load`).toBeGreaterThanOrEqual(0);
        expect(r.top, `${path}#${id} top at load`).toBeLessThan(r.height / 2);
        expect(Math.abs(r.later - r.top), `${path}#${id} moved after load`).toBeLessThan(40);
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
      }
    }
  });

  it("skips off-screen tables on a plain load, and lays them out when the address names a block", async () => {
    const skipped = () => page.evaluate(() => [...document.querySelectorAll(".table-scroll")].map((t) => getComputedStyle(t).contentVisibility));
    await page.goto(site.url + "intro/");
    const plain = await skipped();
    expect(plain.length).toBeGreaterThanOrEqual(3);
    expect(new Set(plain)).toEqual(new Set(["auto"]));
    await page.goto("about:blank");
    await page.goto(site.url + "intro/#glossary");
    expect(new Set(await skipped())).toEqual(new Set(["visible"]));
    // An in-page jump does the same before the browser scrolls.
    await page.goto(site.url + "intro/");
    await page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>(".toc a")].at(-1)!.click());
    expect(new Set(await skipped())).toEqual(new Set(["visible"]));
  });

  it("lands deep links with JavaScript off too: nothing above the target is skipped and estimated", async () => {
    // Targets below tables and examples, which a page with JavaScript skips while off screen.
    const targets = ["intro/#where-javascript-differs", "coroutines-and-generators/#example-five-kinds", "asyncio/#future"];
    for (const width of [1280, 390]) {
      const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
      const off = await ctx.newPage();
      for (const target of targets) {
        await off.goto(site.url + target, { waitUntil: "load" });
        await off.waitForTimeout(300);
        const id = target.split("#")[1];
        const { top, skipped } = await off.evaluate((i) => ({
          top: document.getElementById(i)!.getBoundingClientRect().top,
          skipped: [...document.querySelectorAll(".table-scroll, asyncio-example")].filter((e) => getComputedStyle(e).contentVisibility !== "visible").length,
        }), id);
        expect(skipped, `${target} at ${width} px: blocks skipped without JavaScript`).toBe(0);
        expect(top, `${target} at ${width} px`).toBeGreaterThanOrEqual(0);
        expect(top, `${target} at ${width} px`).toBeLessThan(120);
      }
      await ctx.close();
    }
  });

  it("lands on the visible twin at once when the link names the hidden language", async () => {
    const [, pair] = await deepIds("asyncio/");
    await page.evaluate(() => localStorage.setItem("notes:lang", "ko"));
    try {
      const r = await atLoad(page, `${site.url}asyncio/#${pair}--en`, `${pair}--ko`);
      expect(r.top).toBeGreaterThanOrEqual(0);
      expect(r.top).toBeLessThan(r.height / 2);
      expect(await page.evaluate((i) => document.getElementById(`${i}--ko`)!.matches(":target"), pair)).toBe(true);
    } finally {
      await page.evaluate(() => localStorage.removeItem("notes:lang"));
    }
  });

  it("says when a link's fragment names nothing on the page, and offers the anchor it meant", async () => {
    // Reduced motion: the jump to the guess is not animated, so its end can be read at once.
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const p = await ctx.newPage();
    const scripts: string[] = [];
    p.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(r.url());
    });
    const notice = p.locator("[data-frag-miss]");
    // A good fragment: no notice, and the guess's code is never fetched.
    await p.goto(site.url + "asyncio/#future");
    await p.waitForLoadState("load");
    expect(await notice.isVisible()).toBe(false);
    expect(scripts.filter((u) => u.includes("did-you-mean"))).toEqual([]);
    // A mistyped one, in English.
    await p.goto(site.url + "asyncio/?lang=en#futur");
    await notice.waitFor({ state: "visible" });
    expect(scripts.filter((u) => u.includes("did-you-mean"))).toHaveLength(1);
    expect(await notice.innerText()).toContain("Nothing on this page is named #futur");
    // One line per language; the English one is shown.
    const guess = notice.locator("a[data-frag-guess]").filter({ visible: true });
    expect(await guess.count()).toBe(1);
    expect(await guess.getAttribute("href")).toBe("#future");
    await guess.click();
    await p.waitForURL(/#future$/);
    await notice.waitFor({ state: "hidden" });
    expect(await p.evaluate(() => document.getElementById("future")!.getBoundingClientRect().top)).toBeLessThan(300);
    // In Korean, with nothing close: the notice without a guess.
    await p.goto(site.url + "asyncio/?lang=ko#zzzz-nothing");
    await notice.waitFor({ state: "visible" });
    expect(await notice.innerText()).toContain("주소가 가리키는 위치를 이 페이지에서 찾을 수 없습니다: #zzzz-nothing");
    expect(await notice.locator(".frag-miss-guess").filter({ visible: true }).count()).toBe(0);
    // In both languages: a whole line in each, each with the guess.
    await p.goto(site.url + "asyncio/?lang=both#futur");
    await notice.waitFor({ state: "visible" });
    expect(await notice.locator("a[data-frag-guess]").filter({ visible: true }).count()).toBe(2);
    expect(await notice.innerText()).toMatch(/찾을 수 없습니다: #futur[\s\S]*Nothing on this page is named #futur/);
    // A period pasted with the link, and a Korean word: named as the reader sees them.
    await p.goto(site.url + "asyncio/?lang=en#future.");
    await notice.waitFor({ state: "visible" });
    expect(await notice.innerText()).toContain("Nothing on this page is named #future.");
    expect(await notice.locator("a[data-frag-guess]").filter({ visible: true }).getAttribute("href")).toBe("#future");
    await p.goto(site.url + "asyncio/?lang=ko#퓨처");
    await notice.waitFor({ state: "visible" });
    expect(await notice.innerText()).toContain("#퓨처");
    // A Korean word of one heading's title leads to that heading; a heading's id with a
    // paragraph's language suffix, to the heading.
    await p.goto(site.url + "intro/?lang=ko#용어");
    await notice.waitFor({ state: "visible" });
    expect(await notice.locator("a[data-frag-guess]").filter({ visible: true }).getAttribute("href")).toBe("#glossary");
    await p.goto(site.url + "asyncio/?lang=en#future--ko");
    await notice.waitFor({ state: "visible" });
    expect(await notice.locator("a[data-frag-guess]").filter({ visible: true }).getAttribute("href")).toBe("#future");
    // A hash that is not an anchor (a share link's state, of an example on the page) is the example's to read.
    const onPage = await p.locator("asyncio-example").first().getAttribute("data-id");
    await p.goto(site.url + `asyncio/#example=${onPage}&code=abc`);
    await p.waitForLoadState("load");
    await p.locator(`asyncio-example[data-id="${onPage}"] .ex-notice[data-key="shareBroken"]`).waitFor();
    expect(await notice.isVisible()).toBe(false);
    await ctx.close();
  });

  it("reads a query written after the anchor, and a fragment or a language in capitals, as meant", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    const notice = p.locator("[data-frag-miss]");
    const landed = () => p.evaluate(() => {
      const top = document.getElementById("future")!.getBoundingClientRect().top;
      return top >= 0 && top < 200;
    });
    // "Add ?lang=en" done at the end of a copied link: the query goes before the anchor.
    // And the `#` a mail client encoded inside the query (`?lang=en%23future`): the rest is the anchor.
    for (const tail of ["#future?lang=en", "#future&lang=en", "?lang=en%23future", "?tab=py&lang=en%23future", "#future?lang=EN&tab=py"]) {
      await p.goto(site.url + "asyncio/" + tail);
      await p.waitForLoadState("load");
      expect(new URL(p.url()).hash, tail).toBe("#future");
      expect(new URL(p.url()).searchParams.get("lang")?.toLowerCase(), tail).toBe("en");
      expect(await p.evaluate(() => document.documentElement.dataset.lang), tail).toBe("en");
      await expect.poll(landed, { message: tail }).toBe(true);
      expect(await notice.isVisible(), tail).toBe(false);
    }
    // A `%23` in someone else's value is theirs: no anchor is made of it.
    await p.goto(site.url + "asyncio/?utm_campaign=spring%232024&lang=en");
    await p.waitForLoadState("load");
    expect(new URL(p.url()).hash).toBe("");
    expect(new URL(p.url()).searchParams.get("utm_campaign")).toBe("spring#2024");
    expect(await notice.isVisible()).toBe(false);
    await p.goto(site.url + "asyncio/?lang=en&tab=py%23future");
    await expect.poll(landed).toBe(true);
    // ?tab=py carried along opens the page's examples on their Python original.
    expect(await p.locator("asyncio-example .ex-view-py").first().isChecked()).toBe(true);
    // An anchor retyped in capitals: the anchor, with no notice.
    await p.goto(site.url + "asyncio/?lang=ko#Future");
    await p.waitForURL(/#future$/);
    await expect.poll(landed).toBe(true);
    expect(await notice.isVisible()).toBe(false);
    expect(await p.evaluate(() => document.documentElement.dataset.lang)).toBe("ko");
    await ctx.close();
  });

  it("sends a link to an example on another page (#example-<id>) to the page that has it", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    await p.goto(site.url + "intro/?lang=en#example-running-average");
    await p.waitForURL(/\/coroutine\/\?lang=en#example-running-average$/);
    await p.locator('asyncio-example[data-id="running-average"]').waitFor();
    expect(await p.locator("[data-frag-miss]").isVisible()).toBe(false);
    // The same from the home page and the course authors' page, which hold no examples.
    for (const from of ["", "for-course-authors/"]) {
      await p.goto(site.url + `${from}?lang=en#example-task-states`);
      await p.waitForURL(/\/asyncio\/\?lang=en#example-task-states$/);
    }
    // A fragment the home page does not have is said there too.
    await p.goto(site.url + "?lang=en#no-such-anchor");
    await p.locator("[data-frag-miss]").waitFor({ state: "visible" });
    // An id no page has: the missing-fragment notice, naming it as written.
    await p.goto(site.url + "intro/?lang=en#example-no-such-example");
    const notice = p.locator("[data-frag-miss]");
    await notice.waitFor({ state: "visible" });
    expect(await notice.innerText()).toContain("#example-no-such-example");
    expect(new URL(p.url()).pathname).toMatch(/\/intro\/$/);
    // A share link of an example the site does not have: its code opens in the playground.
    const code = 'print("kept from a removed example")\n';
    const hash = await encodeShare("old-removed-example", code, "py");
    await p.goto(site.url + `intro/?lang=en#${hash}`);
    await p.waitForURL(/\/playground\/\?lang=en#example=playground&lang=py&code=/);
    const root = p.locator('asyncio-example[data-id="playground"]');
    await root.locator('.ex-notice[data-key="sharedCode"]').waitFor();
    expect((await root.locator(".ex-code--py pre.ex-plain").textContent())?.trim()).toBe(code.trim());
    await ctx.close();
  });

  it("marks in the sidebar the heading being read, one at a time, as the reader scrolls", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const p = await ctx.newPage();
    await p.goto(site.url + "asyncio/");
    /** The ids the sidebar marks, after the frame that follows a scroll. */
    const marked = () =>
      p.evaluate(
        () =>
          new Promise<string[]>((ok) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => ok([...document.querySelectorAll<HTMLAnchorElement>('.toc a[aria-current="location"]')].map((a) => a.hash.slice(1)))),
            ),
          ),
      );
    const ids = await p.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>(".toc a")].map((a) => decodeURIComponent(a.hash.slice(1))));
    expect(ids.length).toBeGreaterThan(4);
    // At the top, nothing is passed yet (or the first heading, if it starts high enough).
    expect((await marked()).filter((id) => id !== ids[0])).toEqual([]);
    // Each heading in the middle, brought to the top, is the one marked.
    for (const id of ids.slice(1, -2)) {
      await p.evaluate((i) => document.getElementById(i)!.scrollIntoView({ block: "start" }), id);
      expect(await marked(), `scrolled to #${id}`).toEqual([id]);
    }
    // Scrolling back up moves the mark back.
    await p.evaluate((i) => document.getElementById(i)!.scrollIntoView({ block: "start" }), ids[1]);
    expect(await marked()).toEqual([ids[1]]);
    // At the very end, a click on the last heading marks it though it cannot reach the top.
    await p.locator(".toc a").last().click();
    await p.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    expect(await marked()).toEqual([ids.at(-1)]);
    await ctx.close();
  });

  it("lands a smooth in-page jump on its target, past examples not yet drawn", async () => {
    // Each jump starts on a fresh load, so every example on the way is still at its estimated height.
    await page.goto(site.url + "asyncio/");
    const hrefs = await page.locator(".toc a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const picks = [hrefs[Math.floor(hrefs.length / 2)], hrefs[Math.floor((hrefs.length * 3) / 4)], hrefs.at(-1)!];
    for (const href of picks) {
      await page.goto("about:blank");
      await page.goto(site.url + "asyncio/");
      const offset = await page.evaluate(async (h) => {
        const ended = new Promise<void>((ok) => addEventListener("scrollend", () => ok(), { once: true }));
        document.querySelector<HTMLAnchorElement>(`.toc a[href="${h}"]`)!.click();
        await ended;
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        const target = document.getElementById(decodeURIComponent(h.slice(1)))!;
        // Its place: below the page's scroll padding (the sticky header) and its own margin.
        const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
        return target.getBoundingClientRect().top - padding - parseFloat(getComputedStyle(target).scrollMarginTop || "0");
      }, href);
      expect(Math.abs(offset), `${href} landed ${offset} px from its place`).toBeLessThan(4);
    }
  });

  it("scrolls smoothly for an in-page click, and at once under reduced motion", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
    const p = await ctx.newPage();
    await p.goto(site.url + "asyncio/");
    const link = p.locator(".toc a").last();
    const id = ((await link.getAttribute("href")) ?? "").slice(1);
    await link.click();
    // No animation: the very next frame already has the block at the top.
    const top = await p.evaluate(() => new Promise<number>((ok) => requestAnimationFrame(() => ok(document.getElementById(location.hash.slice(1))!.getBoundingClientRect().top))));
    expect(top).toBeLessThan(200);
    expect(id).not.toBe("");
    await ctx.close();

    await page.goto(site.url + "asyncio/");
    const behaviour = await page.evaluate(() => {
      const a = [...document.querySelectorAll<HTMLAnchorElement>(".toc a")].at(-1)!;
      a.click();
      return getComputedStyle(document.documentElement).scrollBehavior;
    });
    expect(behaviour).toBe("smooth");
  });
});
