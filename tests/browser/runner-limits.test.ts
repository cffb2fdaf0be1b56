/**
 * A run can always be ended: Stop ends an infinite loop at once while the page keeps
 * running its own timers; an output flood stops at the line limit; a program that never
 * finishes stops at the time limit; a new Run ends the old one first; a line printed just
 * before a hang is not lost.
 */
import { describe, expect, it } from "vitest";
import type { Browser, CDPSession } from "playwright-core";
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

  it("says, after the reload, that the last run took the tab down (a program that filled the heap), with the code it ran", async () => {
    // Chromium runs a page's workers in the page's process: filling a worker's heap ends
    // the whole tab, and Playwright cannot reload a crashed page, so the reload goes
    // through the DevTools protocol, as the reader's Reload button would.
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(env.site.url + "playground/");
    const root = await wake(page, "playground");
    const bomb = `const keep: number[][] = [];\nwhile (true) keep.push(new Array(1e6).fill(1.5));`;
    await replaceCode(root, bomb);
    const crashed = new Promise<void>((resolve) => page.once("crash", () => resolve()));
    await root.locator('[data-act="run"]').click();
    await crashed;
    const tab = await Tab.of(env.browser, page.url());
    await tab.send("Page.reload");
    const said = await tab.poll(`(() => {
      const root = document.querySelector('asyncio-example[data-id="playground"]');
      const notice = root?.querySelector('.ex-notice[data-key="lastRunCrashed"]');
      return notice ? [notice.textContent, root.querySelector(".ex-code--ts").textContent] : null;
    })()`);
    const [words, code] = said as [string, string];
    expect(words).toContain("비정상적으로 종료되었습니다");
    expect(words).toContain("The page crashed while this example was running");
    expect(code).toContain("keep.push(new Array(1e6).fill(1.5))");
    // Said once: the next reload is a plain one, which says the code shown is the saved edit
    // (the restore's notice, shown where the crash notice would be once the restore settles).
    await tab.send("Page.reload");
    const noticeKey = `document.querySelector('asyncio-example[data-id="playground"] .ex-notice')?.dataset.key ?? null`;
    expect(await tab.poll(noticeKey)).toBe("edited");
    await new Promise((settled) => setTimeout(settled, 500));
    expect(await tab.poll(noticeKey)).toBe("edited");
    await tab.detach();
    await context.close();
  }, 120_000);
});

/**
 * A page's tab driven through the DevTools protocol from the browser's own session, which
 * outlives a renderer crash: Playwright's page does not (its calls throw "Page crashed").
 */
class Tab {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on("Target.receivedMessageFromTarget", (event) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
      const waiter = message.id === undefined ? undefined : this.waiting.get(message.id);
      if (!waiter) return;
      this.waiting.delete(message.id!);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  static async of(browser: Browser, url: string): Promise<Tab> {
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = await cdp.send("Target.getTargets");
    const target = targetInfos.find((t) => t.type === "page" && t.url === url);
    if (!target) throw new Error(`no tab at ${url}`);
    // Not flattened: Playwright's session sends only its own messages, so the tab's go through sendMessageToTarget.
    const { sessionId } = await cdp.send("Target.attachToTarget", { targetId: target.targetId, flatten: false });
    return new Tab(cdp, sessionId);
  }

  send(method: string, params: object = {}): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.cdp.send("Target.sendMessageToTarget", { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  }

  /** The value of `expression` in the tab once it is not null (the page may still be loading). */
  async poll(expression: string, timeout = 30_000): Promise<unknown> {
    const until = Date.now() + timeout;
    for (;;) {
      try {
        const reply = (await this.send("Runtime.evaluate", { expression, returnByValue: true })) as { result: { value?: unknown } };
        if (reply.result.value !== null && reply.result.value !== undefined) return reply.result.value;
      } catch {
        // Navigating: the old document's context is gone and the new one not yet made.
      }
      if (Date.now() > until) throw new Error(`Tab.poll: still null after ${timeout} ms: ${expression}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  async detach(): Promise<void> {
    await this.cdp.detach();
  }
}
