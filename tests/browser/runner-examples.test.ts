/**
 * Every example on every page runs in place and prints its expected.txt, in Instant
 * mode (the virtual clock), from its prebuilt bundle. The output is compared without
 * the loop-time stamps.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { expectedOutput, failures, pagesWithExamples, run, setClock, stdout, wake } from "./runner-helpers";

const chromium = findChromium();

describe.skipIf(!chromium)("every example prints its expected output", () => {
  let site: StaticSite;
  let browser: Browser;
  let page: Page;
  const pages = chromium ? pagesWithExamples() : [];

  beforeAll(async () => {
    site = await serveStatic();
    browser = await launchBrowser(chromium!);
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("finds examples on the pages", () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((p) => p.ids).length).toBeGreaterThanOrEqual(pages.length);
  });

  for (const { path, ids } of pages) {
    it(`${path}: ${ids.join(", ")}`, async () => {
      await page.goto(site.url + path);
      for (const id of ids) {
        const root = await wake(page, id);
        await setClock(root, "virtual");
        const end = await run(root);
        const printed = await stdout(root);
        expect({ id, end, failures: await failures(root) }).toEqual({ id, end: "done", failures: "" });
        expect(printed, id).toBe(expectedOutput(id));
        // Each line carries the loop's time once a loop runs.
        const stamps = await root.locator(".ex-line--log .ex-time").allTextContents();
        expect(stamps.every((s) => s === "" || /^\d+\.\d{3}$/.test(s)), id).toBe(true);
      }
    });
  }
});
