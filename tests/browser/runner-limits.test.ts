/**
 * A run can always be ended: Stop ends an infinite loop at once while the page keeps
 * running its own timers; an output flood stops at the line limit; a program that never
 * finishes stops at the time limit; a new Run ends the old one first; a line printed just
 * before a hang is not lost.
 */
import { describe, expect, it } from "vitest";
import { findChromium } from "./lib";
import { RUN_LIMITS } from "../../src/runner/limits";
import { expectedOutput, failures, pagesWithExamples, pythonTab, replaceCode, run, stdout, waitForEnd, wake } from "./runner-helpers";
import { useBrowserSite } from "./session";

const chromium = findChromium();

describe.skipIf(!chromium)("run limits", () => {
  const env = useBrowserSite(chromium, { page: true });
  const first = chromium ? pagesWithExamples()[0] : { path: "", ids: [""] };
  const id = first.ids[0];

  /** Opens the first page with no saved edits. */
  async function open(): Promise<void> {
    await env.page.goto(env.site.url + first.path);
    await env.page.evaluate(() => localStorage.clear());
    await env.page.reload();
  }

  it("Stop ends `while (true) {}` while the page stays responsive", async () => {
    await open();
    const root = await wake(env.page, id);
    await replaceCode(root, `console.log("spinning");\nwhile (true) {}\n`);
    await env.page.evaluate(() => {
      const w = window as unknown as { ticks: number };
      w.ticks = 0;
      setInterval(() => w.ticks++, 10);
    });
    await root.locator('[data-act="run"]').click();
    await root.locator(".ex-line--log .ex-text", { hasText: "spinning" }).waitFor();
    const ticksWhileSpinning = await env.page.evaluate(() => (window as unknown as { ticks: number }).ticks);
    await env.page.waitForFunction((t) => (window as unknown as { ticks: number }).ticks > t + 5, ticksWhileSpinning);
    await root.locator('[data-act="stop"]').click();
    expect(await waitForEnd(root, 5_000)).toBe("stopped"); // drawn on the next frame; well before the time limit
    expect(await root.locator(".ex-line--meta").last().textContent()).toMatch(/중지했습니다|Stopped/);
    expect(await root.locator('[data-act="stop"]').isDisabled()).toBe(true);
  });

  it("waits for the timers the program set, as Node or a page would, and ends when the last is done", async () => {
    await open();
    const root = await wake(env.page, id);
    await replaceCode(
      root,
      [
        `setTimeout(() => console.log("later", 300), 300);`,
        `const never = setTimeout(() => console.log("cleared"), 200);`,
        `clearTimeout(never);`,
        `let n = 0;`,
        `const every = setInterval(() => {`,
        `  console.log("tick", ++n);`,
        `  if (n === 3) clearInterval(every);`,
        `}, 20);`,
        `console.log("sync");`,
      ].join("\n"),
    );
    expect(await run(root)).toBe("done");
    expect(await stdout(root)).toBe("sync\ntick 1\ntick 2\ntick 3\nlater 300");
  });

  it("a new Run ends the run before it", async () => {
    await open();
    const root = await wake(env.page, id);
    await replaceCode(root, `console.log("again");\nwhile (true) {}\n`);
    await root.locator('[data-act="run"]').click();
    await root.locator(".ex-line--log .ex-text", { hasText: "again" }).waitFor();
    await root.locator('[data-act="run"]').click();
    await root.locator(".ex-line--log .ex-text", { hasText: "again" }).waitFor();
    expect(await root.locator(".ex-line--log").count()).toBe(1);
    await root.locator('[data-act="stop"]').click();
    expect(await waitForEnd(root, 5_000)).toBe("stopped"); // drawn on the next frame; well before the time limit
  });

  it("shows every line printed right before a hang, even from a worker booted a moment ago", async () => {
    // The cause of an old flake in the test above: a fresh worker used to hold a line
    // printed in its first 30 ms (or soon after another) for a microtask that a
    // `while (true) {}` never lets run, so the page never saw it.
    await open();
    const root = await wake(env.page, id);
    await replaceCode(root, `console.log("one");\nconsole.log("two");\nconsole.log("three");\nwhile (true) {}\n`);
    for (let round = 0; round < 3; round++) {
      await root.locator('[data-act="run"]').click(); // ends the run before it: the spare worker was booted just now
      await root.locator(".ex-line--log .ex-text", { hasText: "three" }).waitFor();
      expect((await stdout(root)).split("\n")).toEqual(["one", "two", "three"]);
    }
    await root.locator('[data-act="stop"]').click();
    expect(await waitForEnd(root, 5_000)).toBe("stopped"); // drawn on the next frame; well before the time limit
  });

  it("caps an output flood at 10,000 lines, read aloud only for its first rows and its end", async () => {
    await open();
    const root = await wake(env.page, id);
    await replaceCode(root, `for (let i = 0; ; i++) console.log(i);\n`);
    // What a screen reader would be told as each row arrives: the log's aria-live then.
    await root.evaluate((el) => {
      const out = el.querySelector(".ex-out")!;
      const heard: string[] = [];
      (window as unknown as { heard: string[] }).heard = heard;
      // Records come once per drawn frame, as the accessibility tree is updated.
      new MutationObserver((records) => {
        const live = out.getAttribute("aria-live");
        for (const r of records) {
          // A row is added to a chunk of rows (.ex-chunk), which is added empty.
          for (const n of r.addedNodes) if (r.target instanceof HTMLElement && r.target.classList.contains("ex-chunk")) heard.push(`${live} ${n.textContent}`);
        }
      }).observe(out, { childList: true, subtree: true });
    });
    // A wait, not a timing goal: the first edit bundles with esbuild-wasm, then 10,000 lines
    // are drawn; on a loaded 2-core machine that took 27 s once, so 20 s was too tight.
    expect(await run(root, 60_000)).toBe("limit-lines");
    expect(await root.locator(".ex-line--log").count()).toBe(10_000);
    const printed = (await stdout(root)).split("\n");
    expect(printed[0]).toBe("0");
    expect(printed[9_999]).toBe("9999");
    expect(await failures(root)).toMatch(/10,000/);
    const heard = await env.page.evaluate(() => (window as unknown as { heard: string[] }).heard);
    const spoken = heard.filter((h) => h.startsWith("polite "));
    expect(spoken.slice(0, 3)).toEqual(["polite 0", "polite 1", "polite 2"]);
    // The first rows, then only how the run ended.
    expect(spoken.length).toBeLessThanOrEqual(51);
    expect(spoken.at(-1)).toMatch(/10,000/);
    expect(await root.locator(".ex-status").getAttribute("role")).toBe("status");
  });

  it("ends a run that never finishes at the time limit", async () => {
    await open();
    const root = await wake(env.page, id);
    await replaceCode(root, `console.log("waiting forever");\nawait new Promise(() => setInterval(() => {}, 1000));\n`);
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 30_000)).toBe("limit-time");
    const seconds = RUN_LIMITS.time.value;
    expect(await failures(root)).toMatch(new RegExp(`${seconds}초|${seconds} seconds`));
    await root.locator('[data-act="reset"]').click();
  });

  it("lets the longest Real time example finish inside the time limit, on both tabs", async () => {
    const slow = "callbacks-and-coroutines";
    const page = pagesWithExamples().find((p) => p.ids.includes(slow));
    if (!page) throw new Error(`no page shows ${slow}`);
    await env.page.goto(env.site.url + page.path);
    const root = await wake(env.page, slow);
    expect(await root.locator('.ex-clock input[value="real"]').isChecked()).toBe(true);
    const expected = expectedOutput(slow);
    expect(await run(root, 40_000)).toBe("done");
    expect(await stdout(root)).toBe(expected);
    await pythonTab(root);
    expect(await run(root, 120_000)).toBe("done");
    expect(await stdout(root)).toBe(expected);
  });
});
