/**
 * Every example on every page runs in place and prints its expected.txt, in Instant
 * mode (the virtual clock), from its prebuilt bundle. The output is compared without
 * the loop-time stamps.
 */
import { describe, expect, it } from "vitest";
import { findChromium } from "./lib";
import { expectedOutput, failures, pagesWithExamples, run, setClock, stdout, wake } from "./runner-helpers";
import { useBrowserSite } from "./session";

const chromium = findChromium();

describe.skipIf(!chromium)("every example prints its expected output", () => {
  const env = useBrowserSite(chromium, { page: true });
  const pages = chromium ? pagesWithExamples() : [];

  it("finds examples on the pages", () => {
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((p) => p.ids).length).toBeGreaterThanOrEqual(pages.length);
  });

  for (const { path, ids } of pages) {
    it(`${path}: ${ids.join(", ")}`, async () => {
      await env.page.goto(env.site.url + path);
      for (const id of ids) {
        const root = await wake(env.page, id);
        await setClock(root, "virtual");
        const end = await run(root);
        const printed = await stdout(root);
        expect({ id, end, failures: await failures(root) }).toEqual({ id, end: "done", failures: "" });
        expect(printed, id).toBe(expectedOutput(id));
        // Each line carries the loop's time once a loop runs.
        const stamps = await root.locator(".ex-line--log .ex-time").allTextContents();
        expect(stamps.every((s) => s === "" || /^\d+\.\d{3}$/.test(s)), id).toBe(true);
        // Without a loop no line has a time, and the column gives its width to the text.
        const timed = stamps.some((s) => s !== "");
        expect(await root.locator(".ex-line--log .ex-time").first().isVisible(), `${id}: the time column shown`).toBe(timed);
      }
    });
  }
});
