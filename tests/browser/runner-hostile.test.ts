/**
 * The hostile-input suite: every case of ./hostile-cases.ts runs in the playground and
 * must end in its state, show what it must, hide what it must, and keep the page's rows
 * within the bound. The longest page stall of each run is printed (its goals are checked
 * by `npm run bench -- hostile`, not here: timing is not a test).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { CASES, exampleFor, runCase } from "./hostile-cases";
import { findChromium } from "./lib";
import { useBrowserSite } from "./session";
import { replaceCode, setClock, waitForEnd, wake } from "./runner-helpers";

const chromium = findChromium();

describe.skipIf(!chromium)("hostile reader code", () => {
  const env = useBrowserSite(chromium);
  let page: Page;
  const errors: string[] = [];
  const stalls: Record<string, number> = {};

  beforeAll(async () => {
    page = await env.browser.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${env.site.url}playground/`);
    await page.evaluate(() => localStorage.clear());
  });
  afterAll(() => {
    console.table(Object.entries(stalls).map(([name, ms]) => ({ case: name, "page stall (ms)": Math.round(ms) })));
  });

  for (const c of CASES) {
    it(`${c.name}: ends "${c.state}"`, async () => {
      const root = await exampleFor(page, env.site.url, c);
      const before = errors.length;
      const result = await runCase(page, root, c);
      stalls[c.name] = result.stall;
      expect(result.state).toBe(c.state);
      for (const text of c.shows ?? []) expect(result.text).toContain(text);
      for (const text of c.hides ?? []) expect(result.text).not.toContain(text);
      if (c.maxRows !== undefined) expect(result.rows).toBeLessThanOrEqual(c.maxRows);
      expect(await root.locator('[data-act="stop"]').isDisabled()).toBe(true);
      expect(errors.slice(before)).toEqual([]);
    });
  }
});

describe.skipIf(!chromium)("the first run's fonts", () => {
  const env = useBrowserSite(chromium);

  it("are looked up while the page is idle, not during the run (no font lookup in a trace of the first run)", async () => {
    // On Linux, Chromium's page waits for the browser process to describe every font face
    // and size it draws for the first time; under load that wait stalled the first run.
    const page = await env.browser.newPage();
    await page.goto(`${env.site.url}playground/`);
    const root = await wake(page, "playground");
    await replaceCode(root, `console.log("한글 output ".repeat(2000));\n`);
    await setClock(root, "virtual");
    // Idle callbacks run in the order they were asked for: the page's font warm-up was asked first.
    await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 5000 })));
    await env.browser.startTracing(page, { categories: ["fonts"] });
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 30_000)).toBe("done");
    const trace = JSON.parse((await env.browser.stopTracing()).toString()) as { traceEvents: { name: string }[] };
    // The run drew a cut line, its "… N more characters", Korean text and "Finished.".
    expect(await root.locator(".ex-cut").count()).toBe(1);
    expect(await root.locator(".ex-line--meta").count()).toBe(1);
    expect(trace.traceEvents.filter((e) => e.name === "FontCache::GetFontPlatformData")).toEqual([]);
    await page.close();
  });
});
