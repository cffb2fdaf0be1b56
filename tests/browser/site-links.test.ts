/**
 * Links and portability: a crawl from the home page over the built site finds no
 * internal link or asset that fails to load, and a second build under BASE=/notes/
 * (into .tmp/dist-base) works the same under that base path, search included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { ROOT, findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";

const chromium = findChromium();
const DIST = process.env.DIST_DIR;

interface Crawl {
  pages: string[];
  failures: string[];
  outside: string[];
}

function decode(s: string): string {
  return s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

/** Follows every same-origin href/src from `start`, fetching each once; pages are HTML responses. */
async function crawl(start: string, base: string): Promise<Crawl> {
  const origin = new URL(start).origin;
  const seen = new Set<string>();
  const queue = [start];
  const pages: string[] = [];
  const failures: string[] = [];
  const outside: string[] = [];
  while (queue.length) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await fetch(url, { redirect: "manual" });
    if (res.status !== 200) {
      failures.push(`${url} → ${res.status}`);
      continue;
    }
    if (!(res.headers.get("content-type") ?? "").includes("text/html")) {
      await res.arrayBuffer();
      continue;
    }
    pages.push(url);
    const html = await res.text();
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const ref = decode(m[1]);
      if (/^(?:mailto|data|javascript):/i.test(ref)) continue;
      const next = new URL(ref, url);
      if (next.origin !== origin) continue;
      if (!next.pathname.startsWith(base)) outside.push(`${url}: ${ref}`);
      next.hash = "";
      if (!seen.has(next.href)) queue.push(next.href);
    }
  }
  return { pages, failures, outside };
}

describe.skipIf(!chromium)("links and base path", () => {
  let browser: Browser;
  let site: StaticSite;
  let based: StaticSite;
  const baseDir = join(ROOT, ".tmp/dist-base");

  beforeAll(async () => {
    site = await serveStatic(DIST ? { dir: DIST } : {});
    browser = await launchBrowser(chromium as string);
    // One extra build, under a base path, into its own folder. Vitest puts Vite's own
    // variables (BASE_URL, MODE, NODE_ENV=test, ...) into process.env; Astro would take
    // them over for its build, so the child gets the environment without them.
    const env: NodeJS.ProcessEnv = { BASE: "/notes/" };
    for (const [k, v] of Object.entries(process.env)) {
      if (!/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*)$/.test(k)) env[k] = v;
    }
    env.BASE = "/notes/";
    const build = spawnSync("npx", ["astro", "build", "--outDir", baseDir], { cwd: ROOT, env, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`BASE=/notes/ astro build failed:\n${build.stdout}\n${build.stderr}`);
    const index = spawnSync("npx", ["tsx", "scripts/build-search.ts", baseDir], { cwd: ROOT, encoding: "utf8" });
    if (index.status !== 0) throw new Error(`build-search on ${baseDir} failed:\n${index.stdout}\n${index.stderr}`);
    const sw = spawnSync("node", ["scripts/build-sw.mjs", baseDir], { cwd: ROOT, encoding: "utf8" });
    if (sw.status !== 0) throw new Error(`build-sw on ${baseDir} failed:\n${sw.stdout}\n${sw.stderr}`);
    based = await serveStatic({ dir: baseDir, base: "/notes/" });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await based?.close();
  });

  it("has no broken internal link or asset (crawl from /)", async () => {
    const r = await crawl(site.url, "/");
    expect(r.pages.length).toBeGreaterThan(2);
    expect(r.failures).toEqual([]);
  });

  it("serves the 404 page, with status 404, for an unknown address", async () => {
    const res = await fetch(`${site.url}no-such-page/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("페이지를 찾을 수 없습니다");
  });

  it("offers on the 404 page the page a broken address meant, keeping its query and fragment", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const guess = async (url: string) => {
      await page.goto(url);
      const box = page.locator("[data-did-you-mean]");
      if (!(await box.isVisible())) return null;
      const a = box.locator("a");
      return { href: await a.getAttribute("href"), text: (await a.innerText()).trim(), said: (await box.innerText()).trim() };
    };
    // A mistyped section, read in English: the fragment and ?lang= survive.
    const typo = await guess(`${site.url}asyncoi/?lang=en#future`);
    expect(typo).toMatchObject({ href: "/asyncio/?lang=en#future", text: "asyncio" });
    expect(typo!.said).toContain("Were you looking for this page?");
    await page.locator("[data-did-you-mean] a").click();
    await page.waitForURL(/\/asyncio\/\?lang=en#future$/);
    expect(await page.evaluate(() => document.getElementById("future")!.getBoundingClientRect().top)).toBeLessThan(300);
    // In Korean, under the base path, from an old-style file name.
    const old = await guess(`${based.url}generator.html?lang=ko`);
    expect(old).toMatchObject({ href: "/notes/generator/?lang=ko", text: "제너레이터" });
    expect(old!.said).toContain("혹시 이 페이지를 찾으셨나요?");
    // A fragment only one chapter has names that chapter, over the path's nearest guess.
    expect(await guess(`${site.url}coroutines/?lang=en#priming`)).toMatchObject({ href: "/coroutine/?lang=en#priming" });
    // A share link at a broken address: its example's own chapter, the link kept whole.
    expect(await guess(`${site.url}coroutinez/?lang=en#example=running-average&code=abc`)).toMatchObject({ href: "/coroutine/?lang=en#example=running-average&code=abc" });
    // The playground at an example's path: the playground opened on that example.
    expect(await guess(`${site.url}playground/five-kinds/?lang=en`)).toMatchObject({ href: "/playground/?lang=en&example=five-kinds" });
    // An example named by its id under a made-up folder: its chapter, at the example.
    expect(await guess(`${site.url}examples/task-states/?lang=en`)).toMatchObject({ href: "/asyncio/?lang=en#example-task-states" });
    expect(await guess(`${site.url}example/task-states`)).toMatchObject({ href: "/asyncio/#example-task-states" });
    // The embeds' folder itself: the page that lists them.
    expect(await guess(`${site.url}embed/`)).toMatchObject({ href: "/for-course-authors/" });
    // An embed with a mistyped example id, as a course's iframe would show it.
    const embed = await guess(`${site.url}embed/five-kind/?lang=en&theme=dark`);
    expect(embed).toMatchObject({ href: "/embed/five-kinds/?lang=en&theme=dark" });
    await page.locator("[data-did-you-mean] a").click();
    await page.waitForURL(/\/embed\/five-kinds\//);
    expect(await page.locator("asyncio-example").count()).toBe(1);
    // A chapter named by its title, as a Korean reader may guess its address.
    expect(await guess(`${site.url}코루틴/?lang=ko#send`)).toMatchObject({ href: "/coroutine/?lang=ko#send", text: "코루틴" });
    expect(await guess(`${site.url}제너레이터/`)).toMatchObject({ href: "/generator/" });
    // A section's anchor as the address: the one chapter that has it, at it.
    expect(await guess(`${site.url}future/?lang=en`)).toMatchObject({ href: "/asyncio/?lang=en#future" });
    // The `#` encoded as %23 (by a mail client or a word processor): the fragment it was.
    expect(await guess(`${site.url}asyncoi/%23future?lang=en`)).toMatchObject({ href: "/asyncio/?lang=en#future" });
    for (const path of ["asyncio/%23future", "asyncio%23future"]) {
      await page.goto(`${site.url}${path}?lang=en`);
      await page.waitForURL(/\/asyncio\/\?lang=en#future$/);
    }
    // Only the case differs: that page at once, its query and fragment kept.
    for (const path of ["INTRO/", "Intro"]) {
      await page.goto(`${site.url}${path}?lang=en#glossary`);
      await page.waitForURL(/\/intro\/\?lang=en#glossary$/);
    }
    expect(await page.locator("#glossary").count()).toBe(1);
    // Nothing close: only the contents.
    expect(await guess(`${site.url}completely-unrelated/`)).toBeNull();
    expect(await page.locator(".nf-list a").count()).toBeGreaterThan(10);
    // The chapters are numbered as the sidebar numbers them (Home is not chapter 1).
    const chapters = await page.locator(".nf-list ol > li > a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    const sidebar = await page.locator("#site-nav .nav-list > li > a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(chapters.length).toBeGreaterThan(5);
    expect(chapters).toEqual(sidebar);
    await ctx.close();
  });

  it("shows a missing embed in a course page's frame as a notice alone, its guess opening in the frame", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    const page = await ctx.newPage();
    await page.setContent(`<h1>Lesson</h1><iframe src="${site.url}embed/task-state/?lang=ko" width="720" height="500"></iframe>`);
    await expect.poll(() => page.frames().some((f) => f.url().includes("/embed/task-state/"))).toBe(true);
    const frame = page.frames().find((f) => f.url().includes("/embed/task-state/"))!;
    const box = frame.locator("[data-did-you-mean]");
    await box.waitFor({ state: "visible" });
    const a = box.locator("a");
    expect(await a.getAttribute("href")).toBe("/embed/task-states/?lang=ko");
    // The guessed embed belongs in the frame; the site's own pages open in the whole window.
    expect(await a.getAttribute("target")).toBe("_self");
    // No site header, sidebar or footer inside the frame; the contents, opening in the whole window.
    for (const sel of [".site-header", ".site-nav", ".site-footer"]) {
      expect(await frame.locator(sel).isVisible(), sel).toBe(false);
    }
    expect(await frame.locator(".nf-list a").first().getAttribute("target")).toBe("_top");
    // Without JavaScript too: the page's <base> opens every link in the whole window.
    expect(await frame.locator("head > base").getAttribute("target")).toBe("_top");
    await a.click();
    await expect.poll(() => page.frames().some((f) => f.url().includes("/embed/task-states/"))).toBe(true);
    expect(page.url(), "the lesson stays").toBe("about:blank");
    // An id like no example's: no guess, rather than some page of the site.
    await frame.goto(`${site.url}embed/zzzz-qqqq/?lang=ko`);
    await frame.locator(".nf-title").waitFor();
    expect(await frame.locator("[data-did-you-mean]").isVisible()).toBe(false);
    // The same 404 page, opened on its own at a chapter's address, keeps the site around it.
    await page.goto(`${site.url}no-such-chapter/`);
    expect(await page.locator(".site-header").isVisible()).toBe(true);
    await ctx.close();
  });

  it("works under BASE=/notes/: every link stays under the base and resolves", async () => {
    const r = await crawl(based.url, "/notes/");
    expect(r.pages.length).toBeGreaterThan(2);
    expect(r.failures).toEqual([]);
    expect(r.outside).toEqual([]);
  });

  it("loads every asset and finds search results under BASE=/notes/", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await ctx.newPage();
    const bad: string[] = [];
    const pagefind: string[] = [];
    page.on("response", (res) => {
      if (res.status() >= 400) bad.push(`${res.url()} → ${res.status()}`);
      if (res.url().includes("/pagefind/")) pagefind.push(new URL(res.url()).pathname);
    });
    await page.goto(based.url);
    const first = await page.$eval(".home-sections a", (a) => (a as HTMLAnchorElement).href);
    expect(new URL(first).pathname.startsWith("/notes/")).toBe(true);
    await page.goto(first);
    await page.locator(".search-btn").click();
    await page.locator("#search-ui .pagefind-ui__search-input").fill("coroutine");
    const link = page.locator("#search-ui .pagefind-ui__result-link").first();
    await link.waitFor({ timeout: 15_000 });
    const href = (await link.getAttribute("href")) ?? "";
    expect(href.startsWith("/notes/")).toBe(true);
    expect(pagefind.length).toBeGreaterThan(0);
    expect(pagefind.every((p) => p.startsWith("/notes/pagefind/"))).toBe(true);
    expect(pagefind.some((p) => p.endsWith(".pagefind") || p.includes("wasm"))).toBe(true);
    await link.click();
    await page.waitForURL((u) => u.pathname === href.split(/[?#]/)[0]);
    expect(bad).toEqual([]);
    await ctx.close();
  });

  it("reads offline under BASE=/notes/: the service worker sits at /notes/sw.js", async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(based.url);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(new URL(scope).pathname).toBe("/notes/");
    const next = await page.$eval(".home-sections a", (a) => (a as HTMLAnchorElement).href);
    await ctx.setOffline(true);
    const res = await page.goto(next);
    expect(res?.status()).toBe(200);
    expect(new URL(page.url()).pathname.startsWith("/notes/")).toBe(true);
    expect(await page.locator("article.content h1").count()).toBe(1);
    await ctx.close();
  });
});
