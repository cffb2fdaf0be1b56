/**
 * The site's controls in Chromium over the built site: search (loaded only when opened,
 * finds Korean and English words in every form, answers in the reader's language mode,
 * "/" opens it), the theme switch, the phone menu and sliding header, the header's height
 * from 320 px up, short inline code kept whole on a phone, the notes' code blocks' Copy
 * buttons, reading with JavaScript off, and axe-core on every page in both themes and in
 * the open search dialog.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { ROOT, findChromium } from "./lib";
import { homeSections, useBrowserSite } from "./session";
import { expectedOutput, pagesWithExamples } from "./runner-helpers";
import { SHORT_CODE } from "../../src/components/text";
import { indexChunks } from "../../scripts/build-search";
import { searchTerm } from "../../src/components/client/search-term";

const chromium = findChromium();
const DIST = process.env.DIST_DIR;
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const HANGUL = /[\uac00-\ud7a3]/;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function search(page: Page, term: string): Promise<{ href: string; title: string }[]> {
  const input = page.locator("#search-ui .pagefind-ui__search-input");
  await input.fill(term);
  const results = page.locator("#search-ui .pagefind-ui__result-link");
  await results.first().waitFor({ timeout: 15_000 });
  return results.evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, title: a.textContent ?? "" })));
}

describe.skipIf(!chromium)("site controls", () => {
  const env = useBrowserSite(chromium, { dir: DIST });
  let sections: string[] = [];

  beforeAll(async () => {
    sections = await homeSections(env);
  });

  it("loads search only when opened, and finds a Korean and an English word", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(sections[0]);
    await page.waitForLoadState("networkidle");
    expect(requested.filter((u) => u.includes("/pagefind/"))).toEqual([]);

    await page.getByRole("button", { name: "검색 Search" }).click();
    const dialog = page.getByRole("dialog", { name: "검색 · Search" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const ko = await search(page, "제너레이터");
    expect(ko.length).toBeGreaterThan(0);
    for (const r of ko) expect(r.href.startsWith(env.site.url)).toBe(true);
    expect(requested.some((u) => u.endsWith("/pagefind/pagefind-ui.js"))).toBe(true);
    const en = await search(page, "coroutine");
    expect(en.length).toBeGreaterThan(0);
    // A result opens a page of the site.
    const target = en[0].href;
    const res = await page.request.get(target);
    expect(res.status()).toBe(200);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await ctx.close();
  });

  it("copies a code block of the notes with its Copy button, in the block's language, and selects it when the clipboard is refused", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(env.site.url).origin });
    const page = await ctx.newPage();
    const asyncio = sections.find((u) => new URL(u).pathname.endsWith("/asyncio/"))!;
    const shownBlock = () => page.locator(".code-block").filter({ visible: true }).first();
    for (const [lang, label, done] of [["en", "Copy", "Copied"], ["ko", "복사", "복사했습니다"]] as const) {
      await page.goto(`${asyncio}?lang=${lang}`);
      const block = shownBlock();
      const button = block.locator("button[data-copy-code]");
      expect(await button.innerText()).toBe(label);
      await button.click();
      await expect.poll(() => block.locator(".code-copy-status").textContent()).toBe(done);
      const code = await block.locator("pre").evaluate((pre) => pre.textContent);
      expect(code!.split("\n").length).toBeGreaterThan(10);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      await expect.poll(() => block.locator(".code-copy-status").textContent(), { timeout: 5000 }).toBe("");
    }
    // Refused (an embed without clipboard-write): the code is selected, and the line says so.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
    });
    const block = shownBlock();
    await block.locator("button[data-copy-code]").click();
    await expect.poll(() => block.locator(".code-copy-status").textContent()).toContain("Ctrl+C");
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(await block.locator("pre").evaluate((pre) => pre.textContent));
    // Without JavaScript there is no button to press.
    const still = await env.browser.newContext({ javaScriptEnabled: false });
    const plain = await still.newPage();
    await plain.goto(asyncio);
    expect(await plain.locator("button[data-copy-code]").first().isVisible()).toBe(false);
    await still.close();
    await ctx.close();
  });

  /** The search dialog of `url`, opened, and Pagefind's count for a term, from its message ("제너레이터가에 대한 결과 9건"). */
  async function searchCounts(ctx: BrowserContext, url: string): Promise<(term: string) => Promise<number>> {
    return (await searchPage(ctx, url)).count;
  }

  /** A page at `url` with search open, and how many results its dialog says a term has. */
  async function searchPage(ctx: BrowserContext, url: string): Promise<{ page: Page; count: (term: string) => Promise<number> }> {
    const page = await ctx.newPage();
    await page.goto(url);
    await page.locator(".search-btn").click();
    const input = page.locator("#search-ui .pagefind-ui__search-input");
    await input.waitFor();
    const count = async (term: string): Promise<number> => {
      await input.fill(term);
      if (!term) return 0;
      const message = page.locator("#search-ui .pagefind-ui__message");
      // Korean mode: "<term>에 대한 결과 N건"; Both mode: "결과 · Results: N (<term>)"; English
      // mode: "N results for <term>"; and each one's words for none.
      const t = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const said = new RegExp(
        `^(?:${t}에 대한 결과 (\\d+)건|결과 · Results: (\\d+) \\(${t}\\)|(\\d+) results? for ${t}|${t}에 대한 결과가 없습니다|결과 없음 · No results: ${t}|No results for ${t})$`,
      );
      await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(said);
      // A screen reader is told the same line, from a status of the dialog's own, once typing pauses.
      await expect.poll(() => page.locator('.search-said[role="status"]').textContent(), { timeout: 5_000 }).toBe(await message.textContent());
      const m = said.exec((await message.textContent()) ?? "");
      return Number(m?.[1] ?? m?.[2] ?? m?.[3] ?? 0);
    };
    return { page, count };
  }

  it("finds every form of a Korean word: the particle is cut off before the search", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const count = await searchCounts(ctx, `${sections[0]}?lang=ko`);
    // Without the cut, Pagefind found "제너레이터가" on 2 pages and "이벤트 루프를" on 3.
    const word = await count("제너레이터");
    expect(word).toBeGreaterThan(2);
    expect(await count("제너레이터가")).toBe(word);
    expect(await count("이벤트 루프를")).toBe(await count("이벤트 루프"));
    await ctx.close();
  });

  it("finds every form of an English word in Both mode, whose index is not stemmed", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const count = await searchCounts(ctx, `${sections[0]}?lang=both`);
    // Without the cut, Both mode found "scheduling" on 1 page, "cancelled" on 2, "queues" on 2.
    for (const [form, word] of [["scheduling", "schedule"], ["cancelled", "cancel"], ["queues", "queue"]]) {
      const n = await count(word);
      expect(n, word).toBeGreaterThan(2);
      expect(await count(form), form).toBe(n);
    }
    await ctx.close();
  });

  it("gives a first search the complete results, whatever was searched before (words that span two index chunks)", async () => {
    // Pagefind loads only the chunk of its index that a word sorts into; a word that begins
    // with it can sit in the next one. The words at the chunks' seams, from the build:
    const chunks = indexChunks(join(DIST ?? join(ROOT, "dist"), "pagefind"));
    const seams = (lang: string) => chunks[lang].slice(1).map((c) => [...c.from].slice(0, -1).join("").normalize("NFC"));
    const cases = [...seams("ko").map((w) => ["ko", w] as const), ...seams("en").map((w) => ["en", w] as const)].filter(([, w]) => w);
    expect(cases.length).toBeGreaterThan(2);
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const differing: string[] = [];
    for (const [mode, word] of cases) {
      const { count, page } = await searchPage(ctx, `${sections[0]}?lang=${mode}`);
      const first = await count(word);
      // Then every chunk of the index, loaded through the same Pagefind module the dialog uses.
      const starts = chunks[mode].map((c) => c.from).join(" ");
      const base = new URL(sections[0]).pathname.replace(/[^/]+\/$/, "");
      await page.evaluate(`import("${base}pagefind/pagefind.js").then((pf) => pf.preload(${JSON.stringify(starts)}, { filters: { mode: ["${mode}"] } }))`);
      await count("");
      const later = await count(word);
      if (first !== later) differing.push(`${mode} "${word}": ${first} at first, ${later} with every chunk loaded`);
      await page.close();
    }
    expect(differing).toEqual([]);
    await ctx.close();
  });

  it("finds nothing for a word the site does not have, not the lone letters it begins with, before or after other searches", async () => {
    // No page has a word beginning with these (checked over the built text); each begins
    // with a letter that stands alone in the code ("const c = …", "t").
    const missing = { ko: "cursor", en: "trip" } as const;
    for (const section of sections) {
      const text = (await (await fetch(section)).text()).replace(/<[^>]*>/g, " ");
      for (const word of Object.values(missing)) expect(new RegExp(`\\b${word}`, "i").test(text), `${word} on ${section}`).toBe(false);
    }
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const [mode, word, before] of [["ko", missing.ko, "coroutine"], ["en", missing.en, "task"]] as const) {
      const count = await searchCounts(ctx, `${sections[0]}?lang=${mode}`);
      expect(await count(word), `${mode}: ${word} first`).toBe(0);
      expect(await count(before), `${mode}: ${before}`).toBeGreaterThan(0);
      expect(await count(word), `${mode}: ${word} after ${before}`).toBe(0);
      // A longer form of a word the site has still finds it.
      expect(await count(`${before}s`), `${mode}: ${before}s`).toBeGreaterThan(0);
    }
    await ctx.close();
  });

  it("keeps every page Pagefind finds for a word inside compounds, after a particle or as a Korean letter-by-letter start", async () => {
    // Pagefind finds `soon` in call_soon(), `taskgroup` in asyncio.TaskGroup, `으로` in
    // call_soon()으로, 멈춰 as the start of 멈췄다가: none of these may be dropped as a
    // lone-letter match. Compared with Pagefind's own search, every chunk loaded.
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const base = new URL(sections[0]).pathname.replace(/[^/]+\/$/, "");
    for (const mode of ["ko", "en", "both"] as const) {
      const { page, count } = await searchPage(ctx, `${sections[0]}?lang=${mode}`);
      const starts = indexChunks(join(DIST ?? join(ROOT, "dist"), "pagefind"))[mode === "en" ? "en" : "ko"].map((c) => c.from).join(" ");
      for (const word of mode === "en" ? ["soon", "taskgroup", "anext"] : ["soon", "taskgroup", "anext", "으로", "멈춰"]) {
        const raw = await page.evaluate(`import("${base}pagefind/pagefind.js").then(async (pf) => {
          const o = { filters: { mode: ["${mode}"] } };
          await pf.preload(${JSON.stringify(starts)}, o);
          return (await pf.search(${JSON.stringify(searchTerm(word, mode))}, o)).results.length;
        })`);
        expect(raw, `${mode} ${word}: Pagefind`).toBeGreaterThan(0);
        expect(await count(word), `${mode} ${word}`).toBe(raw);
      }
      await page.close();
    }
    await ctx.close();
  });

  it("shows the pages with most of the words when no page has them all, each naming the word it lacks", async () => {
    const absent = { ko: "바나나", en: "banana" } as const;
    for (const section of sections) {
      const text = (await (await fetch(section)).text()).replace(/<[^>]*>/g, " ");
      for (const word of Object.values(absent)) expect(text.toLowerCase().includes(word), `${word} on ${section}`).toBe(false);
    }
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (const [mode, label] of [["ko", "빠진 검색어"], ["en", "Missing"]] as const) {
      const { page, count } = await searchPage(ctx, `${sections[0]}?lang=${mode}`);
      const all = await count("yield from");
      expect(all, `${mode}: yield from`).toBeGreaterThan(0);
      // Pagefind alone finds nothing when one word is on no page; these are the pages with the rest.
      expect(await count(`yield from ${absent[mode]}`), mode).toBe(all);
      const tags = page.locator("#search-ui .pagefind-ui__result-tag");
      await expect.poll(() => tags.count()).toBeGreaterThan(0);
      expect(new Set((await tags.allTextContents()).map((t) => t.trim())), mode).toEqual(new Set([`${label}: ${absent[mode]}`]));
      // A search every page can answer in full shows no such tag.
      await count("");
      await count("yield from");
      await expect.poll(() => page.locator("#search-ui .pagefind-ui__result-title").count()).toBeGreaterThan(0);
      expect(await tags.count(), `${mode}: no tag for a full match`).toBe(0);
      await page.close();
    }
    await ctx.close();
  });

  it("answers in the reader's language: one language's records in Korean or English mode, both in Both", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    // The page every mode should find for "send", and its title in each language, from the build.
    const coroutine = sections.find((u) => new URL(u).pathname.endsWith("/coroutine/"));
    expect(coroutine, "a /coroutine/ section").toBeTruthy();
    const h1 = await (await page.request.get(coroutine!)).text();
    const titleKo = /data-title-ko="([^"]+)"/.exec(h1)?.[1] ?? "";
    const titleEn = /data-title-en="([^"]+)"/.exec(h1)?.[1] ?? "";
    expect(titleKo).toMatch(HANGUL);
    expect(titleEn).not.toMatch(HANGUL);
    const hangulIn = (rs: { title: string }[]) => rs.filter((r) => HANGUL.test(r.title)).map((r) => r.title);
    const open = async () => {
      await page.locator(".search-btn").click();
      await page.locator("#search-ui .pagefind-ui__search-input").waitFor();
    };
    const close = async () => {
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator(".search-dialog").evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    };

    await page.goto(`${sections[0]}?lang=en`);
    await open();
    const en = await search(page, "send");
    expect(en.every((r) => new URL(r.href).searchParams.get("lang") === "en"), "English records only").toBe(true);
    expect(hangulIn(en), "no Korean title in English mode").toEqual([]);
    expect(en.map((r) => r.title)).toContain(titleEn);
    expect(await page.locator("#search-ui .pagefind-ui__message").textContent()).not.toMatch(HANGUL);
    // The mode filter is the page's language switch; Pagefind's own checkboxes stay hidden.
    expect(await page.locator("#search-ui .pagefind-ui__filter-panel").count()).toBe(1);
    expect(await page.locator("#search-ui .pagefind-ui__filter-panel").isVisible()).toBe(false);
    // English records have an index of their own, where English words are stemmed: each
    // form of a word finds the same pages (as one index for both languages, "scheduling"
    // found one page and "schedule" four).
    const pagesFor = async (term: string) => {
      await page.locator("#search-ui .pagefind-ui__search-input").fill(term);
      // "N results for term" (not "Searching for term...", shown while the last results still
      // are), then each result's data, which loads after the count: five at most on a page.
      const message = page.locator("#search-ui .pagefind-ui__message");
      await expect.poll(() => message.textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^\\d+ results? for ${term}$`));
      const shown = Math.min(5, parseInt((await message.textContent()) ?? "", 10));
      const links = page.locator("#search-ui .pagefind-ui__result-inner > .pagefind-ui__result-title > .pagefind-ui__result-link");
      await expect.poll(() => links.count(), { timeout: 15_000 }).toBe(shown);
      const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      return [...new Set(hrefs.map((h) => new URL(h).pathname))].sort();
    };
    const scheduling = await pagesFor("scheduling");
    expect(scheduling.length).toBeGreaterThan(1);
    expect(await pagesFor("schedule")).toEqual(scheduling);
    expect(await pagesFor("schedules")).toEqual(scheduling);
    expect(requested.some((u) => /\/pagefind\/pagefind\.en_[0-9a-f]+\.pf_meta$/.test(u)), "the English index").toBe(true);
    expect(requested.some((u) => /\/pagefind\/pagefind\.ko_/.test(u)), "not the Korean one").toBe(false);
    await close();

    // Switching the mode on the page: the next opening answers in the new mode, in its words.
    await page.locator('[data-set-lang="ko"]').click();
    await open();
    const ko = await search(page, "send");
    // (The switch dropped ?lang= from the address; a result on this page keeps that.)
    const here = new URL(page.url()).pathname;
    expect(ko.every((r) => new URL(r.href).searchParams.get("lang") === (new URL(r.href).pathname === here ? null : "ko")), "Korean records only").toBe(true);
    expect(ko.map((r) => r.title)).toContain(titleKo);
    expect(ko.map((r) => r.title)).not.toContain(titleEn);
    expect(requested.some((u) => /\/pagefind\/pagefind\.ko_[0-9a-f]+\.pf_meta$/.test(u)), "the Korean index, once in Korean mode").toBe(true);
    expect(await page.locator("#search-ui .pagefind-ui__message").textContent()).toMatch(HANGUL);
    // A result opens its page in the same language.
    const result = ko.find((r) => r.title === titleKo)!;
    await page.locator(`#search-ui .pagefind-ui__result-link[href="${new URL(result.href).pathname}${new URL(result.href).search}"]`).first().click();
    await page.waitForURL((u) => u.pathname === new URL(result.href).pathname);
    expect(await page.evaluate(() => document.documentElement.dataset.lang)).toBe("ko");

    await page.locator('[data-set-lang="both"]').click();
    await open();
    const both = await search(page, "send");
    expect(both.every((r) => !new URL(r.href).searchParams.has("lang")), "bilingual records only").toBe(true);
    expect(both.map((r) => r.title)).toContain(`${titleKo} · ${titleEn}`);
    // Pagefind's own words too: the count and "Clear" in both languages.
    expect(await page.locator("#search-ui .pagefind-ui__message").textContent()).toMatch(/^결과 · Results: \d+ \(send\)$/);
    expect(await page.locator("#search-ui .pagefind-ui__search-clear").textContent()).toBe("지우기 · Clear");
    await ctx.close();
  });

  it("jumps within the page for a result on the page being read, instead of reloading it", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const coroutine = sections.find((u) => new URL(u).pathname.endsWith("/coroutine/"))!;
    await page.goto(`${coroutine}?lang=en`);
    await page.goto(coroutine); // the mode is remembered; the address has no ?lang=
    expect(await page.evaluate(() => document.documentElement.dataset.lang)).toBe("en");
    await page.locator(".search-btn").click();
    const results = await search(page, "send");
    const path = new URL(coroutine).pathname;
    const onPage = results.filter((r) => new URL(r.href).pathname === path);
    const elsewhere = results.filter((r) => new URL(r.href).pathname !== path);
    expect(onPage.length).toBeGreaterThan(1);
    expect(elsewhere.length).toBeGreaterThan(0);
    expect(onPage.every((r) => new URL(r.href).search === ""), "this page's results keep its address").toBe(true);
    expect(elsewhere.every((r) => new URL(r.href).searchParams.get("lang") === "en"), "other pages open in English").toBe(true);
    const sub = onPage.find((r) => new URL(r.href).hash !== "")!;
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.locator(`#search-ui .pagefind-ui__result-link[href="${path}${new URL(sub.href).hash}"]`).first().click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(new URL(sub.href).hash);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.locator(".search-dialog").evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await ctx.close();
  });

  it("opens search with the / key, but not while typing in a field", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(sections[0]);
    const dialog = page.locator(".search-dialog");
    await page.evaluate(() => {
      const input = document.createElement("input");
      input.id = "probe";
      document.querySelector("main")!.prepend(input);
    });
    await page.focus("#probe");
    await page.keyboard.press("/");
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.inputValue("#probe")).toBe("/");
    await page.locator("h1").click();
    await page.keyboard.press("/");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.locator("#search-ui .pagefind-ui__search-input").waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches("#search-ui .pagefind-ui__search-input") ?? false)).toBe(true);
    // Ctrl+K (⌘K) opens it too, as on most documentation sites; not while typing.
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.focus("#probe");
    await page.keyboard.press("Control+k");
    expect(await dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    await page.locator("h1").click();
    await page.keyboard.press("Control+k");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Meta+k");
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    await ctx.close();
  });

  it("moves through the results with the arrow keys, back to the field from the first, and Enter follows one", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, count } = await searchPage(ctx, `${sections[0]}?lang=en`);
    expect(await count("future")).toBeGreaterThan(1);
    const links = page.locator("#search-ui .pagefind-ui__result-link");
    await expect.poll(() => links.count()).toBeGreaterThan(2);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    const focused = () => page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? document.activeElement?.className ?? "");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe(hrefs[0]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe(hrefs[2]);
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toBe(hrefs[0]);
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toContain("pagefind-ui__search-input");
    // The field keeps its text; ↓ again, then Enter, opens the second result.
    expect(await page.inputValue("#search-ui .pagefind-ui__search-input")).toBe("future");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toBe(hrefs[1]);
    await ctx.close();
  });

  it("shows the section whose heading matches among a result's section links, and reads a Korean variant spelling as its term", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const sectionLinks = async (url: string, term: string, page_: string): Promise<string[]> => {
      await page.goto(url);
      await page.locator(".search-btn").click();
      const input = page.locator("#search-ui .pagefind-ui__search-input");
      await input.waitFor();
      await input.fill(term);
      const result = page.locator("#search-ui .pagefind-ui__result").filter({ has: page.locator(`a.pagefind-ui__result-link[href*="/${page_}/"]`) }).first();
      await result.waitFor({ timeout: 15_000 });
      return result.locator(".pagefind-ui__result-nested a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).hash));
    };
    const base = sections[0].replace(/[^/]+\/$/, "");
    // Before: "Example: AsyncAdd", "async for", "Asynchronous generators" (the longest sections).
    expect(await sectionLinks(`${base}async-with-for/?lang=en`, "async with", "async-with-for")).toContain("#async-with");
    expect(await sectionLinks(`${base}asyncio/?lang=ko`, "퓨처", "asyncio")).toContain("#future");
    // 퓨쳐 is a spelling the site does not use: it finds the asyncio page's 퓨처 sections too.
    expect(await sectionLinks(`${base}asyncio/?lang=ko`, "퓨쳐", "asyncio")).toContain("#future");
    await ctx.close();
  });

  it("indexes the pages' text, not the examples' controls, and keeps a table's header cells apart", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    await page.goto(sections[0]);
    // Pagefind's own API, loaded in the page (a string, so the test runner leaves its import() alone).
    const base = new URL(sections[0]).pathname.replace(/[^/]+\/$/, "");
    const texts = (term: string, mode: string): Promise<string[]> => page.evaluate(`(async () => {
      const pagefind = await import(${JSON.stringify(`${base}pagefind/pagefind.js`)});
      await pagefind.init();
      const search = await pagefind.search(${JSON.stringify(term)}, { filters: { mode: [${JSON.stringify(mode)}] } });
      const data = await Promise.all(search.results.map((r) => r.data()));
      return data.map((d) => d.content);
    })()`);
    // Both mode's records (the index this Korean page loads) hold every language's text.
    const found = {
      hint: (await texts("leave the editor", "both")).filter((t) => t.includes("leave the editor")).length,
      hintKo: (await texts("편집기에서", "both")).filter((t) => t.includes("편집기에서 나갑니다")).length,
      run: (await texts("Run", "both")).filter((t) => /Run Stop Reset|실행 중지/.test(t)).length,
      headers: (await texts("drives", "both")).join("\n"),
      pages: (await texts("coroutine", "both")).length,
    };
    expect(found.hint).toBe(0);
    expect(found.hintKo).toBe(0);
    expect(found.run).toBe(0);
    expect(found.headers).toMatch(/Object Who drives it/);
    expect(found.headers).not.toMatch(/ObjectWho/);
    expect(found.pages).toBeGreaterThan(3);
    await ctx.close();
  });

  it("under forced colours (high contrast), tells the chosen code tab, clock and switch buttons from the others", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, forcedColors: "active" });
    const page = await ctx.newPage();
    await page.goto(sections[0]);
    // Forced colours replace authored backgrounds with the system's (Canvas) unless an
    // element opts out: the chosen ones opt out and paint the system's selection colour.
    const highlight = await page.evaluate(() => {
      const probe = document.createElement("div");
      probe.style.cssText = "forced-color-adjust: none; background: Highlight";
      document.body.append(probe);
      const colour = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return colour;
    });
    const looks = (selector: string) =>
      page.locator(selector).evaluateAll((els) => els.map((e) => `${getComputedStyle(e).forcedColorAdjust} ${getComputedStyle(e).backgroundColor}`));
    for (const [chosen, others] of [
      [".ex-views input:checked + label", ".ex-views input:not(:checked) + label"],
      [".ex-clock input:checked + label", ".ex-clock input:not(:checked) + label"],
      ['.theme-switch button[aria-pressed="true"]', '.theme-switch button[aria-pressed="false"]'],
      ['.mode-switch button[aria-pressed="true"]', '.mode-switch button[aria-pressed="false"]'],
    ]) {
      const picked = await looks(chosen);
      expect(picked.length, chosen).toBeGreaterThan(0);
      for (const look of picked) expect(look, chosen).toBe(`none ${highlight}`);
      for (const look of await looks(others)) expect(look, others).not.toMatch(/^none /);
    }
    await ctx.close();
  });

  it("switches theme, remembers it, and follows the system by default", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: "dark" });
    const page = await ctx.newPage();
    await page.goto(sections[0]);
    const bg = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const systemDark = await bg();
    const group = page.getByRole("group", { name: "테마 · Theme" });
    await group.getByRole("button", { name: "밝게 · Light" }).click();
    const light = await bg();
    expect(light).not.toBe(systemDark);
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    expect(await group.getByRole("button", { name: "밝게 · Light" }).getAttribute("aria-pressed")).toBe("true");
    await page.reload();
    expect(await bg()).toBe(light);
    await page.getByRole("button", { name: "어둡게 · Dark" }).click();
    expect(await bg()).toBe(systemDark);
    await page.getByRole("button", { name: "시스템 · System" }).click();
    expect(await page.getAttribute("html", "data-theme")).toBeNull();
    expect(await bg()).toBe(systemDark);
    await page.emulateMedia({ colorScheme: "light" });
    expect(await bg()).toBe(light);
    await ctx.close();
  });

  it("on a phone: a menu button opens the sections, Escape closes it, columns stack", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto(sections[0]);
    const nav = page.locator("#site-nav");
    const button = page.getByRole("button", { name: "메뉴 · Menu" });
    expect(await button.isVisible()).toBe(true);
    expect(await nav.isVisible()).toBe(false);
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await nav.isVisible()).toBe(true);
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.closest("#site-nav") !== null)).toBe(true);
    expect(await page.locator("#site-nav [aria-current=page]").isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await nav.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("menu-btn"))).toBe(true);
    // Following a link in the menu goes there.
    await button.click();
    const last = nav.locator(".nav-list > li > a").last();
    const href = await last.getAttribute("href");
    await last.click();
    await page.waitForURL((u) => u.pathname === href);
    await ctx.close();
  });

  it("leaves out the keyboard hint under an example on a touch screen, and shows it with a mouse", async () => {
    const withId = pagesWithExamples()[0];
    for (const [profile, shown] of [[{ isMobile: true, hasTouch: true }, false], [{}, true]] as const) {
      const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, ...profile });
      const page = await ctx.newPage();
      await page.goto(`${env.site.url}${withId.path}?lang=en`);
      const root = page.locator(`asyncio-example[data-id="${withId.ids[0]}"]`);
      await root.scrollIntoViewIfNeeded();
      await root.locator(".ex-bar:not([hidden])").waitFor();
      expect(await root.locator(".ex-hint").isVisible(), JSON.stringify(profile)).toBe(shown);
      await ctx.close();
    }
  });

  it("keeps the header low: on phones down to 320 px the switches share one row, from 700 px the header is one low row, in every mode", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await ctx.newPage();
    const rows: string[] = [];
    for (const width of [320, 360, 390]) {
      await page.setViewportSize({ width, height: 844 });
      for (const lang of ["ko", "en", "both"]) {
        await page.goto(`${sections[0]}?lang=${lang}`);
        const [prefs, button, scrollWidth] = await page.evaluate(() => [
          document.querySelector(".prefs")!.getBoundingClientRect().height,
          document.querySelector(".prefs button")!.getBoundingClientRect().height,
          document.documentElement.scrollWidth,
        ]);
        if (prefs > button * 1.5) rows.push(`${width}px ${lang}: the switches take ${Math.round(prefs)} px`);
        if (scrollWidth > width) rows.push(`${width}px ${lang}: the page is ${scrollWidth} px wide`);
      }
    }
    // From 700 px the header is one sticky row: the title gets the room (the search
    // button is its icon below 960 px and drops its "/" below 760 px, Both mode's English
    // title one line), so the Korean title keeps to one line and the header stays
    // 56 px (it was 122 px at 700 px in Both mode, 87 px at 800; then 71 px at 700 px
    // while the Korean title still wrapped beside the "/").
    for (const width of [700, 730, 768, 800, 960]) {
      await page.setViewportSize({ width, height: 844 });
      for (const lang of ["ko", "en", "both"]) {
        await page.goto(`${sections[0]}?lang=${lang}`);
        const height = await page.evaluate(() => document.querySelector(".site-header")!.getBoundingClientRect().height);
        if (height > 60) rows.push(`${width}px ${lang}: the header is ${Math.round(height)} px high`);
      }
    }
    expect(rows).toEqual([]);
    await ctx.close();
  });

  it("on a wide screen an example grows into the room beside the prose, so no line of its code is cut off; narrower, it never widens the page", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    const rows: string[] = [];
    // Examples far off screen skip layout (content-visibility), so lay them all out.
    const measure = () => page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "asyncio-example { content-visibility: visible !important; }";
      document.head.append(style);
      const prose = document.querySelector(".content")!.getBoundingClientRect().width;
      const examples = [...document.querySelectorAll<HTMLElement>(".content > asyncio-example")].map((ex) => {
        const pre = [...ex.querySelectorAll<HTMLElement>(".ex-code pre")].filter((p) => p.closest("[hidden]") === null && p.offsetParent !== null);
        return {
          id: ex.dataset.id ?? "",
          width: ex.getBoundingClientRect().width,
          cut: pre.filter((p) => p.scrollWidth > p.clientWidth + 1).length,
        };
      });
      return { prose, examples, page: document.documentElement.scrollWidth };
    });
    for (const { path, ids } of pagesWithExamples()) {
      await page.goto(`${env.site.url}${path}?lang=en`);
      const { prose, examples, page: pageWidth } = await measure();
      expect(examples.map((e) => e.id).sort()).toEqual([...ids].sort());
      for (const e of examples) {
        if (e.width < prose * 1.4) rows.push(`1440px ${path} ${e.id}: ${Math.round(e.width)} px wide beside ${Math.round(prose)} px of prose`);
        if (e.cut > 0) rows.push(`1440px ${path} ${e.id}: a code line is cut off`);
      }
      if (pageWidth > 1440) rows.push(`1440px ${path}: the page is ${pageWidth} px wide`);
    }
    const [first] = pagesWithExamples();
    for (const width of [1100, 1000, 800, 390]) {
      await page.setViewportSize({ width, height: 900 });
      for (const lang of ["en", "both"]) {
        await page.goto(`${env.site.url}${first.path}?lang=${lang}`);
        const { prose, examples, page: pageWidth } = await measure();
        if (pageWidth > width) rows.push(`${width}px ${lang}: the page is ${pageWidth} px wide`);
        for (const e of examples) if (e.width < prose - 1) rows.push(`${width}px ${lang} ${e.id}: narrower than the prose`);
      }
    }
    expect(rows).toEqual([]);
    await ctx.close();
  });

  it("on a phone: the header slides away scrolling down, comes back scrolling up by hand or on Tab, and stays away for a jump", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto(sections[1]);
    const cdp = await ctx.newCDPSession(page);
    // Until the page has stopped scrolling (the same scroll position twice, 150 ms apart).
    const settled = async () => {
      let last = NaN;
      await expect.poll(async () => {
        const y = await page.evaluate(() => scrollY);
        const same = y === last;
        last = y;
        return same;
      }, { timeout: 5000, interval: 150 }).toBe(true);
    };
    // A finger on the glass: down the screen by `dy` pixels in ten moves (negative: up the screen, the page scrolls down).
    const swipe = async (dy: number) => {
      const from = dy < 0 ? 700 : 200;
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: 195, y: from }] });
      for (let i = 1; i <= 10; i++) {
        await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: 195, y: from + (dy * i) / 10 }] });
        await page.waitForTimeout(16);
      }
      // The finger stops before it lifts, so the page does not glide on (a glide could
      // still be scrolling when the next gesture starts, on a busy machine).
      await page.waitForTimeout(120);
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      await settled();
    };
    // Where the header's box is in the window (its bottom at or above 0: out of sight).
    const header = () => page.evaluate(() => {
      const r = document.querySelector(".site-header")!.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), y: scrollY };
    });
    expect((await header()).top).toBe(0);

    for (let i = 0; i < 3; i++) await swipe(-500);
    await expect.poll(async () => (await header()).bottom).toBeLessThanOrEqual(0);
    const down = (await header()).y;
    expect(down).toBeGreaterThan(1000);
    await swipe(300);
    await expect.poll(async () => (await header()).top).toBe(0);
    expect((await header()).y).toBeLessThan(down);
    expect((await header()).y).toBeGreaterThan(500); // still mid-page, not back at the top
    await page.mouse.wheel(0, 600);
    await settled();
    await expect.poll(async () => (await header()).bottom).toBeLessThanOrEqual(0);
    await page.mouse.wheel(0, -200);
    await settled();
    await expect.poll(async () => (await header()).top).toBe(0);

    // A heading above, picked in the menu: the jump up leaves the header away, the heading in sight.
    await page.locator(".menu-btn").click();
    const above = await page.evaluate(() => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>("#site-nav .toc a")];
      return links.findIndex((a) => document.getElementById(decodeURIComponent(a.hash.slice(1)))!.getBoundingClientRect().top < -300);
    });
    expect(above).toBeGreaterThanOrEqual(0);
    const link = page.locator("#site-nav .toc a").nth(above);
    const id = decodeURIComponent(new URL((await link.evaluate((a) => (a as HTMLAnchorElement).href))).hash.slice(1));
    await link.click();
    // Landed (a smooth scroll up to the heading's 16 px margin), and the jump is over.
    await expect.poll(() => page.evaluate((i) => Math.abs(document.getElementById(i)!.getBoundingClientRect().top - 16) < 4, id)).toBe(true);
    await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains("scrolling-to-anchor"))).toBe(false);
    const h = await header();
    expect(h.bottom).toBeLessThanOrEqual(0);
    expect(await page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id)).toBeGreaterThanOrEqual(0);

    // Out of sight, not out of reach: Shift+Tab from the page's start reaches the header and brings it back.
    await page.evaluate(() => document.getElementById("main")!.focus({ preventScroll: true }));
    await page.keyboard.press("Shift+Tab");
    expect(await page.evaluate(() => document.activeElement?.closest(".site-header") !== null)).toBe(true);
    await expect.poll(async () => (await header()).top).toBe(0);

    // A page opened at a deep link lands with the header away, the heading in sight.
    const deep = await ctx.newPage();
    await deep.goto(`${sections[1]}#${id}`);
    await expect.poll(() => deep.evaluate(() => document.querySelector(".site-header")!.getBoundingClientRect().bottom)).toBeLessThanOrEqual(0);
    expect(await deep.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id)).toBeGreaterThanOrEqual(0);
    await deep.close();

    // From 700px the header is one sticky row that never slides away.
    await page.setViewportSize({ width: 900, height: 800 });
    await page.mouse.wheel(0, 800);
    await page.waitForTimeout(400);
    expect(await header()).toMatchObject({ top: 0 });
    await ctx.close();
  });

  it("on a phone, keeps short inline code on one line and inside its block, in both languages, and no table scrolls sideways", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await ctx.newPage();
    const broken: string[] = [];
    // The sections (MDX) and the page for course authors (inline code written in .astro);
    // a common phone, then the narrowest one still sold (320 px).
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      for (const url of [...sections, `${env.site.url}for-course-authors/`]) {
        for (const lang of ["ko", "en"]) {
          await page.goto(`${url}?lang=${lang}`);
          // Lay out every part of the page, not only what is on screen.
          await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
          const found = await page.evaluate(({ short, wide }) => {
            const out: string[] = [];
            // A box one pixel wide, to see where code could break with no emergency breaks.
            const probe = document.createElement("div");
            probe.style.cssText = "position:absolute;left:0;top:0;width:1px;visibility:hidden";
            document.body.append(probe);
            for (const code of document.querySelectorAll<HTMLElement>("main .content :not(pre) > code")) {
              const text = code.textContent ?? "";
              const rects = code.getClientRects();
              // A table of two columns may still scroll sideways; code in it may pass its cell there.
              if (rects.length === 0 || code.closest(".table-scroll:not(.table-scroll--stack)")) continue;
              let block = code.parentElement!;
              while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement!;
              const edge = block.getBoundingClientRect().right;
              if (rects[rects.length - 1].right > edge + 1) out.push(`sticks out of its ${block.tagName.toLowerCase()}: ${text}`);
              // Code in a table breaks after a dot or a parenthesis (.tc), by design.
              if (!wide || text.length > short || code.closest(".table-scroll")) continue;
              // Where the column is wide enough, short code is never broken: marked code
              // moves whole (nw), and unmarked code has no place to break at.
              if (rects.length > 1) out.push(`broken over ${rects.length} lines: ${text}`);
              if (!code.classList.contains("nw")) {
                const copy = code.cloneNode(true) as HTMLElement;
                copy.style.wordBreak = copy.style.overflowWrap = "normal";
                probe.replaceChildren(copy);
                if (copy.getClientRects().length > 1) out.push(`unmarked but breakable: ${text}`);
              }
            }
            probe.remove();
            return out;
          }, { short: SHORT_CODE, wide: width >= 390 });
          broken.push(...found.map((f) => `${width}px ${url} (${lang}) ${f}`));
          // Every table fits: three columns or more are drawn as cards, a row each, with
          // each cell labelled by its column's heading; the two-column ones are narrow enough.
          const scrolling = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>(".table-scroll")].flatMap((t, i) =>
              t.offsetParent !== null && t.scrollWidth > t.clientWidth + 1 ? [`table ${i} scrolls (${t.scrollWidth} in ${t.clientWidth} px)`] : []));
          const unlabelled = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLElement>(".table-scroll--stack td")].flatMap((td) => {
              if (td.offsetParent === null) return [];
              const label = getComputedStyle(td, "::before").content;
              const heading = td.closest("table")!.querySelectorAll("th")[(td as HTMLTableCellElement).cellIndex]?.textContent?.trim();
              return label.includes(heading ?? "\u0000") ? [] : [`cell labelled ${label}, its column is ${heading}`];
            }));
          broken.push(...[...scrolling, ...unlabelled.slice(0, 3)].map((f) => `${width}px ${url} (${lang}) ${f}`));
        }
      }
    }
    expect(broken).toEqual([]);
    await ctx.close();
  });

  it("on a wide screen: the sidebar marks the current section and lists its headings", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    for (const url of sections) {
      await page.goto(url);
      expect(await page.locator(".menu-btn").isVisible()).toBe(false);
      const current = page.locator("#site-nav a[aria-current=page]");
      expect(await current.count()).toBe(1);
      expect(new URL((await current.evaluate((a) => (a as HTMLAnchorElement).href))).pathname).toBe(new URL(url).pathname);
      const headings = await page.$$eval("main .heading", (hs) => hs.map((h) => `#${h.id}`));
      const toc = await page.$$eval("#site-nav .toc a", (as) => as.map((a) => a.getAttribute("href")));
      expect(toc).toEqual(headings);
    }
    await ctx.close();
  });

  it("reads with JavaScript off: both languages show and the sections are reachable", async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(sections[0]);
    const counts = await page.evaluate(() => {
      const shown = (el: Element) => el.getClientRects().length > 0;
      const bl = [...document.querySelectorAll(".bl")];
      return { ko: bl.filter((b) => b.getAttribute("lang") === "ko" && shown(b)).length, en: bl.filter((b) => b.getAttribute("lang") === "en" && shown(b)).length, all: bl.length };
    });
    expect(counts.ko + counts.en).toBe(counts.all);
    expect(await page.locator("#site-nav").isVisible()).toBe(true);
    const menuLink = page.locator("a.menu-link");
    expect(await menuLink.isVisible()).toBe(true);
    expect(await menuLink.getAttribute("href")).toBe("#site-nav");
    expect(await page.locator(".mode-switch").isVisible()).toBe(false);
    await ctx.close();
  });

  it("shows each example's printed output with JavaScript off, and only then", async () => {
    const withExamples = pagesWithExamples();
    expect(withExamples.length).toBeGreaterThan(3);
    const off = await env.browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const on = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
    const [still, live] = [await off.newPage(), await on.newPage()];
    for (const { path, ids } of withExamples) {
      await still.goto(`${env.site.url}${path}?lang=en`);
      for (const id of ids) {
        const block = still.locator(`asyncio-example[data-id="${id}"] .ex-out--static`);
        await block.scrollIntoViewIfNeeded();
        expect(await block.isVisible(), `${path} ${id}`).toBe(true);
        expect(await block.textContent(), `${path} ${id}`).toBe(expectedOutput(id));
        const label = await still.locator(`asyncio-example[data-id="${id}"] .ex-out-wrap:has(.ex-out--static) .ex-out-label`).innerText();
        expect(label).toContain("Output (as CPython 3.11 prints it)");
        expect(label).toContain("출력 (CPython 3.11로 실행한 결과)");
        // Focusable, so a keyboard can scroll a wide line; and a word on what running needs.
        expect(await block.getAttribute("tabindex"), `${path} ${id}`).toBe("0");
        expect(await still.locator(`asyncio-example[data-id="${id}"] .ex-nojs`).innerText()).toContain("needs JavaScript");
      }
      // The block sits in <noscript>: with JavaScript on, the page shows no output before a run.
      await live.goto(`${env.site.url}${path}?lang=en`);
      expect(await live.locator(".ex-out--static, .ex-nojs").count()).toBe(0);
    }
    // A table printed with | keeps its columns on a phone: the block scrolls sideways.
    await still.goto(`${env.site.url}coroutines-and-generators/?lang=en`);
    const kinds = still.locator('asyncio-example[data-id="five-kinds"] .ex-out--static');
    const box = await kinds.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    await off.close();
    await on.close();
  });

  /** Serious or critical axe violations on every page, in each language mode, under the given browser profile. */
  async function axeProblems(theme: "light" | "dark", profile: object, modes: string[]): Promise<string[]> {
    const ctx: BrowserContext = await env.browser.newContext(profile);
    await ctx.addInitScript((t) => localStorage.setItem("notes:theme", t), theme);
    const page = await ctx.newPage();
    // The 404 page at a mistyped address, so its guess (a link to /asyncio/) is shown too,
    // and a section at a mistyped fragment, with its notice and guess.
    const pages = [env.site.url, ...sections, `${env.site.url}for-course-authors/`, `${env.site.url}playground/`, `${env.site.url}asyncoi/`, `${env.site.url}asyncio/#futur`];
    const problems: string[] = [];
    for (const url of pages) {
      for (const mode of modes) {
        const [path, fragment = ""] = url.split("#");
        await page.goto(`${path}?lang=${mode}${fragment ? `#${fragment}` : ""}`);
        if (fragment) await page.locator("[data-frag-miss]").waitFor({ state: "visible" });
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
          const r = await axe.run(document, { resultTypes: ["violations"] });
          return r.violations;
        });
        for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
          problems.push(`${url} [${mode}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(", ")}`);
        }
      }
    }
    await ctx.close();
    return problems;
  }

  for (const theme of ["light", "dark"] as const) {
    it(`has no serious or critical axe violations on any page (${theme})`, async () => {
      expect(await axeProblems(theme, { viewport: { width: 1280, height: 900 } }, ["both", "ko", "en"])).toEqual([]);
    });
    // Lighthouse's phone (412 × 823 at 1.75×): there axe judged an example's code on /asyncio/
    // against --code-bg, where GitHub's light function purple is 4.49:1; the desktop pass did not.
    it(`has no serious or critical axe violations on any page on a phone (${theme})`, async () => {
      const phone = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
      expect(await axeProblems(theme, phone, ["both"])).toEqual([]);
    });
  }

  it("has no serious or critical axe violations in the open search dialog, with results, in every mode and theme", async () => {
    const problems: string[] = [];
    for (const theme of ["light", "dark"] as const) {
      const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addInitScript((t) => localStorage.setItem("notes:theme", t), theme);
      const page = await ctx.newPage();
      for (const mode of ["ko", "en", "both"]) {
        await page.goto(`${sections[0]}?lang=${mode}`);
        await page.locator(".search-btn").click();
        expect((await search(page, "send")).length).toBeGreaterThan(0);
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
          return (await axe.run(document.querySelector(".search-dialog")!, { resultTypes: ["violations"] })).violations;
        });
        for (const v of violations.filter((x) => x.impact === "serious" || x.impact === "critical")) {
          problems.push(`[${theme} ${mode}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(", ")}`);
        }
      }
      await ctx.close();
    }
    expect(problems).toEqual([]);
  });

});
