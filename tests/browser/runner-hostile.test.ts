/**
 * The hostile-input suite: every case of ./hostile-cases.ts runs in the playground and
 * must end in its state, show what it must, hide what it must, and keep the page's rows
 * within the bound. The longest page stall of each run is printed (its goals are checked
 * by `npm run bench -- hostile`, not here: timing is not a test).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { CASES, runCase } from "./hostile-cases";
import { findChromium } from "./lib";
import { useBrowserSite } from "./session";
import { wake } from "./runner-helpers";

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
      const root = await wake(page, "playground");
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
