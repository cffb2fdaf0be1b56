/**
 * The bilingual modes and deep links, in Chromium over the built site: every section
 * page in Korean, English and Both (blocks, headings, <html lang> and the tab's title); the choice surviving a reload; ?lang=; pairs side by
 * side when wide and stacked on a phone; ids and the hidden-language twin landing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { findChromium } from "./lib";
import { homeSections, useBrowserSite } from "./session";
import { pagesWithExamples, wake } from "./runner-helpers";

const chromium = findChromium();
const DIST = process.env.DIST_DIR;

/** Counts of visible blocks per language, and whether any heading shows the other language. */
async function visibleBlocks(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => el.getClientRects().length > 0;
    const blocks = [...document.querySelectorAll(".bl")];
    const count = (lang: string) => blocks.filter((b) => b.getAttribute("lang") === lang && shown(b)).length;
    const heads = [...document.querySelectorAll("main h1 > [lang], main .heading > [lang]")];
    const headCount = (lang: string) => heads.filter((h) => h.getAttribute("lang") === lang && shown(h)).length;
    const h1 = document.querySelector("main h1");
    return { ko: count("ko"), en: count("en"), total: blocks.length / 2, headKo: headCount("ko"), headEn: headCount("en"), title: h1 ? (h1 as HTMLElement).innerText.trim() : "" };
  });
}

/** The tab title a mode should show, from the one-language titles the build left on <title>. */
async function tabTitle(page: Page, mode: "ko" | "en" | "both"): Promise<string> {
  const { ko, en } = await page.$eval("head > title", (t) => ({ ko: (t as HTMLElement).dataset.ko ?? "", en: (t as HTMLElement).dataset.en ?? "" }));
  if (mode !== "both") return mode === "ko" ? ko : en;
  const [pageKo, siteKo] = ko.split(" | ");
  const pageEn = en.split(" | ")[0];
  const both = pageKo === pageEn ? pageKo : `${pageKo} · ${pageEn}`;
  // The chapter titled as the site is carries no site name after it (HeadMeta.astro).
  return siteKo === undefined ? both : `${both} | ${siteKo}`;
}

describe.skipIf(!chromium)("language modes and anchors", () => {
  const env = useBrowserSite(chromium, { dir: DIST });
  let sections: string[] = [];

  beforeAll(async () => {
    sections = await homeSections(env);
  });

  it("finds the sections on the home page", () => {
    expect(sections.length).toBeGreaterThan(0);
  });

  it("renders every section page in all three modes with the right language visible", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    for (const url of sections) {
      for (const mode of ["ko", "en", "both"] as const) {
        await page.goto(`${url}?lang=${mode}`);
        expect(await page.getAttribute("html", "data-lang")).toBe(mode);
        const v = await visibleBlocks(page);
        expect(v.title, `${url} ${mode}: title shown`).not.toBe("");
        if (mode === "ko") expect([v.ko > 0 || v.total === 0, v.en, v.headEn], `${url} ko`).toEqual([true, 0, 0]);
        if (mode === "en") expect([v.en > 0 || v.total === 0, v.ko, v.headKo], `${url} en`).toEqual([true, 0, 0]);
        if (mode === "both") {
          expect([v.ko, v.en], `${url} both`).toEqual([v.total, v.total]);
          expect(v.headKo, `${url} both: headings`).toBe(v.headEn);
        }
        // The page's own language follows the mode, for screen readers and hyphenation.
        expect(await page.getAttribute("html", "lang")).toBe(mode === "en" ? "en" : "ko");
        // So does the tab's title (one language's, or "<ko> · <en> | <site>" in Both).
        await expect.poll(() => page.title(), { message: `${url} ${mode}: tab title` }).toBe(await tabTitle(page, mode));
        if (mode === "en") expect(await page.title()).not.toMatch(/[\uac00-\ud7a3]/);
      }
    }
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("remembers the mode across a reload and other pages, and the switch is a pressed-button group", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(sections[0]);
    expect(await page.getAttribute("html", "data-lang")).toBe("both");
    // Named in the reading mode's language: "언어 · Language" in Both, "Language" in English.
    const group = page.getByRole("group", { name: /^(언어 · Language|Language|언어)$/ });
    await group.getByRole("button", { name: "English" }).click();
    expect(await page.getAttribute("html", "data-lang")).toBe("en");
    expect(await page.title()).toBe(await tabTitle(page, "en"));
    expect(await group.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
    expect(await group.getByRole("button", { name: "한국어" }).getAttribute("aria-pressed")).toBe("false");
    await page.reload();
    expect(await page.getAttribute("html", "data-lang")).toBe("en");
    expect((await visibleBlocks(page)).ko).toBe(0);
    await page.goto(sections[sections.length - 1]);
    expect(await page.getAttribute("html", "data-lang")).toBe("en");
    await page.getByRole("button", { name: "한국어" }).click();
    await page.goto(env.site.url);
    expect(await page.getAttribute("html", "data-lang")).toBe("ko");
    await ctx.close();
  });

  it("takes ?lang=en from a link, and a later choice drops it from the address", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${sections[0]}?lang=en`);
    expect(await page.getAttribute("html", "data-lang")).toBe("en");
    expect((await visibleBlocks(page)).ko).toBe(0);
    await page.getByRole("button", { name: "둘 다 · Both" }).click();
    expect(new URL(page.url()).searchParams.has("lang")).toBe(false);
    await page.reload();
    expect(await page.getAttribute("html", "data-lang")).toBe("both");
    await ctx.close();
  });

  it("names the header's and sidebar's controls for a screen reader in the mode's language", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${sections[0]}?lang=en`);
    const labels = () =>
      page.evaluate(() => ({
        menu: document.querySelector(".menu-btn")?.getAttribute("aria-label"),
        close: document.querySelector(".search-close")?.getAttribute("aria-label"),
        theme: [...document.querySelectorAll("[data-set-theme]")].map((b) => [b.getAttribute("aria-label"), b.getAttribute("title")]),
        nav: document.querySelector("#site-nav")?.getAttribute("aria-label"),
        groups: [...document.querySelectorAll(".mode-switch, .theme-switch, .prev-next")].map((g) => g.getAttribute("aria-label")),
      }));
    const en = await labels();
    expect(en.menu).toBe("Menu");
    expect(en.nav).not.toMatch(/[\uac00-\ud7a3]/);
    for (const [label, title] of en.theme) {
      expect(label).not.toMatch(/[\uac00-\ud7a3]/);
      expect(title).toBe(label);
    }
    expect(en.close).not.toMatch(/[\uac00-\ud7a3]/);
    // The language and theme groups, and the previous / next links, are named too.
    expect(en.groups).toHaveLength(3);
    for (const name of en.groups) expect(name).toMatch(/^[A-Za-z ]+$/);
    await page.getByRole("button", { name: "한국어" }).click();
    const ko = await labels();
    expect(ko.menu).toBe("메뉴");
    expect(ko.theme.every(([label]) => /[\uac00-\ud7a3]/.test(label ?? "") && !/[A-Za-z]{3}/.test(label ?? ""))).toBe(true);
    expect(ko.groups.every((name) => /[\uac00-\ud7a3]/.test(name ?? "") && !/[A-Za-z]{3}/.test(name ?? ""))).toBe(true);
    await page.getByRole("button", { name: "둘 다 · Both" }).click();
    expect((await labels()).menu).toBe("메뉴 · Menu");
    await ctx.close();
  });

  it("in Both mode, a name the page builds from the two languages keeps a space between them", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });
    const page = await ctx.newPage();
    const [first] = pagesWithExamples();
    await page.goto(`${env.site.url}${first.path}?lang=both`);
    const root = await wake(page, first.ids[0]);
    const share = root.locator('[data-act="share"]');
    expect(await share.getAttribute("aria-expanded")).toBe("false");
    await share.click();
    await root.locator(".ex-kit:not([hidden])").waitFor();
    // Share says it opened the kit, and which element that is.
    expect(await share.getAttribute("aria-expanded")).toBe("true");
    expect(await root.locator(`#${await share.getAttribute("aria-controls")}`).getAttribute("class")).toBe("ex-kit");
    // The kit's three Copy buttons: the mark between the halves is hidden, the spaces are read.
    expect(await root.locator(".ex-kit").getByRole("button", { name: "복사 Copy", exact: true }).count()).toBe(3);
    expect(await root.locator(".ex-kit").getByRole("button", { name: "복사Copy", exact: true }).count()).toBe(0);
    // Each is described by what it copies, so the three are told apart.
    const described = await root.locator(".ex-kit-copy").evaluateAll((buttons) =>
      buttons.map((b) => document.getElementById(b.getAttribute("aria-describedby") ?? "")?.textContent ?? ""),
    );
    expect(new Set(described).size).toBe(3);
    expect(described.every((d) => d !== "")).toBe(true);
    await ctx.close();
  });

  it("keeps a control reached by Shift+Tab clear of the sticky header", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(`${sections[0]}?lang=en`);
    const link = page.locator("main h2 a[aria-label]").first();
    await link.focus();
    await page.keyboard.press("Tab");
    // The heading's link just under the window's top edge, behind the header, and focus on the control after it.
    await link.evaluate((a) => window.scrollBy(0, a.getBoundingClientRect().top - 10));
    await page.keyboard.press("Shift+Tab");
    const { top, header, focused } = await link.evaluate((a) => ({
      top: a.getBoundingClientRect().top,
      header: document.querySelector(".site-header")!.getBoundingClientRect().bottom,
      focused: document.activeElement === a,
    }));
    expect(focused).toBe(true);
    expect(top).toBeGreaterThanOrEqual(header);
    await ctx.close();
  });

  it("applies the mode before first paint (no flash): the attribute is set while parsing <head>", async () => {
    const ctx = await env.browser.newContext();
    await ctx.addInitScript(() => {
      localStorage.setItem("notes:lang", "en");
      new MutationObserver(() => {
        const body = document.body;
        if (body && !(window as unknown as { firstBodyLang?: string }).firstBodyLang) {
          (window as unknown as { firstBodyLang?: string }).firstBodyLang = document.documentElement.dataset.lang ?? "unset";
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await ctx.newPage();
    await page.goto(sections[0]);
    expect(await page.evaluate(() => (window as unknown as { firstBodyLang?: string }).firstBodyLang)).toBe("en");
    await ctx.close();
  });

  it("puts Korean and English side by side, row by row, when wide, and stacks them on a phone", async () => {
    const wide = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const phone = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    let pairsSeen = 0;
    for (const url of sections) {
      const w = await wide.newPage();
      await w.goto(`${url}?lang=both`);
      const rows = await w.$$eval(".pair:not(.correction)", (ps) =>
        ps.map((p) => {
          const [ko, en] = [p.querySelector(":scope > .l-ko"), p.querySelector(":scope > .l-en")].map((e) => e!.getBoundingClientRect());
          return { dTop: Math.abs(ko.top - en.top), koRight: ko.right, enLeft: en.left };
        }),
      );
      for (const r of rows) {
        expect(r.dTop).toBeLessThan(2);
        expect(r.enLeft).toBeGreaterThan(r.koRight);
      }
      pairsSeen += rows.length;
      await w.close();
      const p = await phone.newPage();
      await p.goto(`${url}?lang=both`);
      const stacked = await p.$$eval(".pair:not(.correction)", (ps) =>
        ps.map((pair) => {
          const ko = pair.querySelector(":scope > .l-ko")!.getBoundingClientRect();
          const en = pair.querySelector(":scope > .l-en")!.getBoundingClientRect();
          return en.top >= ko.bottom - 1 && en.left < ko.right;
        }),
      );
      expect(stacked.every(Boolean), `${url}: stacked on a phone`).toBe(true);
      const scrollW = await p.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollW, `${url}: no sideways scrolling on a phone`).toBeLessThanOrEqual(390);
      await p.close();
    }
    expect(pairsSeen).toBeGreaterThan(0);
    await wide.close();
    await phone.close();
  });

  it("keeps what the reader is reading in place when the language changes: on a phone, the half being read, or its twin", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await ctx.newPage();
    const intro = sections.find((u) => u.endsWith("/intro/"))!;
    const switchTo = (mode: string) => page.evaluate((m) => document.querySelector<HTMLButtonElement>(`[data-set-lang="${m}"]`)!.click(), mode);
    const topOf = (id: string) => page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);
    // Scrolled by hand until it stays: blocks laid out as they come on screen move what is below them.
    const scrollToTop = async (id: string, at: number) => {
      await expect.poll(async () => {
        await page.evaluate(([i, y]) => window.scrollBy(0, document.getElementById(i as string)!.getBoundingClientRect().top - (y as number)), [id, at]);
        await page.waitForTimeout(100);
        return topOf(id);
      }).toBeCloseTo(at, 0);
    };
    const moved: string[] = [];
    // Both → English with the English half of the long mapping table at 190 px: it stays there.
    await page.goto(`${intro}?lang=both`);
    await scrollToTop("mapping-table--en", 190);
    await switchTo("en");
    const en = await topOf("mapping-table--en");
    if (Math.abs(en - 190) > 2) moved.push(`the English half moved from 190 to ${Math.round(en)} px`);
    // Both → English with the Korean half at 190 px: its English twin takes its place.
    await switchTo("both");
    await scrollToTop("mapping-table--ko", 190);
    await switchTo("en");
    const twin = await topOf("mapping-table--en");
    if (Math.abs(twin - 190) > 2) moved.push(`the English twin landed at ${Math.round(twin)} px, not where the Korean half was (190 px)`);
    // English → Korean: the Korean twin of the half being read.
    await switchTo("ko");
    const ko = await topOf("mapping-table--ko");
    if (Math.abs(ko - 190) > 2) moved.push(`the Korean twin landed at ${Math.round(ko)} px`);
    expect(moved).toEqual([]);
    await ctx.close();
  });

  it("scrolls a linked pair into view, and lands a link to the hidden language on its twin", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    let tried = 0;
    for (const url of sections) {
      await page.goto(url);
      const ids = await page.$$eval(".pair:not(.correction)", (ps) => ps.map((p) => p.id));
      if (ids.length < 2) continue;
      const id = ids[ids.length - 1];
      for (const mode of ["ko", "en", "both"]) {
        await page.goto(`${url}?lang=${mode}#${id}`);
        await page.waitForFunction((i) => {
          const r = document.getElementById(i)!.getBoundingClientRect();
          return r.top >= 0 && r.top < innerHeight;
        }, id);
      }
      // ko mode, link to the English block: the Korean twin is shown and marked (the
      // before-paint script sends the address to the twin, so it is the :target).
      await page.goto(`${url}?lang=ko`);
      await page.goto(`${url}#${id}--en`);
      await page.waitForFunction((i) => {
        const twin = document.getElementById(`${i}--ko`)!;
        const r = twin.getBoundingClientRect();
        return twin.matches(":target, .is-target") && r.top >= 0 && r.top < innerHeight;
      }, id);
      // And the other way round, in English mode, through a hash change on the same page.
      await page.goto(`${url}?lang=en`);
      await page.evaluate((i) => (location.hash = `${i}--ko`), ids[1]);
      await page.waitForFunction((i) => {
        const twin = document.getElementById(`${i}--en`)!;
        const r = twin.getBoundingClientRect();
        return twin.classList.contains("is-target") && r.top >= 0 && r.top < innerHeight;
      }, ids[1]);
      tried++;
      break;
    }
    expect(tried).toBe(1);
    await ctx.close();
  });

  it("gives every heading a copy-link control that copies the section's own address: no ?lang=, no utm_, the Python tab kept", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await ctx.newPage();
    let checked = 0;
    for (const url of sections) {
      await page.goto(`${url}?lang=ko`);
      const missing = await page.$$eval(".heading", (hs) => hs.filter((h) => !h.querySelector(`copy-link a[href="#${h.id}"]`)).map((h) => h.id));
      expect(missing, `${url}: headings without a copy link`).toEqual([]);
      const first = page.locator(".heading").first();
      if ((await first.count()) === 0) continue;
      const id = await first.getAttribute("id");
      await first.hover();
      await first.locator("copy-link a").click();
      await expect.poll(() => first.locator(".copy-link-status").textContent()).toBe("링크를 복사했습니다.");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(`${url}#${id}`);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    // Pressed at an address an LMS decorated: the section's own address, the Python tab kept.
    await page.goto(`${sections[0]}index.html?utm_source=lms&lang=ko&tab=py`);
    const first = page.locator(".heading").first();
    await first.hover();
    await first.locator("copy-link a").click();
    await expect.poll(() => first.locator(".copy-link-status").textContent()).toBe("링크를 복사했습니다.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${sections[0]}?tab=py#${await first.getAttribute("id")}`);
    await ctx.close();
  });
});
