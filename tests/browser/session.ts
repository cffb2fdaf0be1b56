/**
 * The setup most browser test files share: before their tests, serve the built site and
 * launch Chromium (and open a page, if asked); after them, close both. Kept apart from
 * lib.ts because it registers Vitest hooks, and lib.ts also serves the benchmarks.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, serveStatic, type StaticSite } from "./lib";

/** What `useBrowserSite` sets up; read its fields only inside tests and later hooks. */
export interface BrowserSite {
  readonly site: StaticSite;
  readonly browser: Browser;
  /** The page opened before the tests (only with `{ page: true }`). */
  readonly page: Page;
}

/**
 * Registers a `beforeAll` that serves `dir` (default: dist/) and launches `chromium`
 * (opening one page with `page: true`), and an `afterAll` that closes them. Call it at
 * the top of a `describe.skipIf(!chromium)` block; hooks registered after it run after
 * its `beforeAll` (Vitest's default `sequence.hooks: "stack"`).
 */
export function useBrowserSite(chromium: string | null, opts: { dir?: string; page?: boolean } = {}): BrowserSite {
  let site: StaticSite | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    if (chromium === null) throw new Error("useBrowserSite needs Chromium: put it in a describe.skipIf(!chromium) block");
    site = await serveStatic({ dir: opts.dir });
    browser = await launchBrowser(chromium);
    if (opts.page) page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`useBrowserSite: no ${what} yet (read it inside a test or a later hook)`);
    return value;
  };
  return {
    get site() {
      return ready(site, "site");
    },
    get browser() {
      return ready(browser, "browser");
    },
    get page() {
      return ready(page, "page (ask for { page: true })");
    },
  };
}

/** The section pages the home page links to, as absolute URLs, in order. */
export async function homeSections(env: BrowserSite): Promise<string[]> {
  const page = await env.browser.newPage();
  await page.goto(env.site.url);
  const sections = await page.$$eval(".home-sections a", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  await page.close();
  return sections;
}
