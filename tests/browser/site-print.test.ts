/**
 * Print (issue 12): a section printed to PDF in Chromium keeps to a sensible number of
 * pages and shows no controls or navigation; the code has line numbers, and the output
 * of the last run prints when there is one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { pagesWithExamples, run, setClock, wake } from "./runner-helpers";

const chromium = findChromium();

/** Pages in a PDF: one `/Type /Page` object each (the page tree is `/Type /Pages`). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

/** Which of these selectors still show anything under print media. */
async function shown(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate(
    (sels) => sels.filter((s) => [...document.querySelectorAll(s)].some((el) => el.getClientRects().length > 0)),
    selectors,
  );
}

const CHROME = [".site-header", ".site-nav", ".site-footer", ".prev-next", ".copy-link", ".ex-bar", ".ex-views", "button", ".mode-switch", ".search-btn"];

describe.skipIf(!chromium)("print", () => {
  let site: StaticSite;
  let browser: Browser;
  let page: Page;
  const section = chromium ? pagesWithExamples().find((p) => p.path === "generator/") ?? pagesWithExamples()[0] : { path: "", ids: [""] };

  beforeAll(async () => {
    site = await serveStatic();
    browser = await launchBrowser(chromium!);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("prints a section in a sensible number of pages, without controls or navigation", async () => {
    await page.goto(site.url + section.path);
    const screenHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.emulateMedia({ media: "print" });
    expect(await shown(page, CHROME)).toEqual([]);
    expect(await page.locator("article.content h1").isVisible()).toBe(true);
    // Line numbers on the code.
    const number = await page.evaluate(() => getComputedStyle(document.querySelector("pre code .line")!, "::before").content);
    expect(number).toMatch(/counter\(line\)/);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    // About as long as the page reads on screen, not blown up by chrome or cut code:
    // an A4 page holds roughly 1,000 CSS px of content.
    expect(pages).toBeLessThanOrEqual(Math.ceil(screenHeight / 700));
    await page.emulateMedia({ media: "screen" });
  });

  it("prints a link's full address, not the relative one the page was built with", async () => {
    await page.goto(site.url + "intro/");
    await page.emulateMedia({ media: "print" });
    await page.pdf({ format: "A4" });
    const printed = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>(".content a[href]")]
        .filter((a) => a.getAttribute("href")!.startsWith("../") && !a.closest(".heading, .ex"))
        .map((a) => ({ href: a.getAttribute("href")!, after: getComputedStyle(a, "::after").content })),
    );
    await page.emulateMedia({ media: "screen" });
    expect(printed.length).toBeGreaterThan(0);
    for (const { href, after } of printed) expect(after).toBe(`" <${new URL(href, site.url + "intro/").href}>"`);
  });

  it("prints the chosen language only, and the output of the last run", async () => {
    await page.goto(site.url + section.path + "?lang=en");
    const root = await wake(page, section.ids[0]);
    await setClock(root, "virtual");
    expect(await run(root)).toBe("done");
    await page.emulateMedia({ media: "print" });
    expect(await root.locator(".ex-out").isVisible()).toBe(true);
    expect(await shown(page, [".pair .l-ko"])).toEqual([]);
    expect(await shown(page, [".pair .l-en"])).toEqual([".pair .l-en"]);
    expect(pageCount(await page.pdf({ format: "A4" }))).toBeGreaterThan(0);
    await page.evaluate(() => localStorage.clear());
  });
});
