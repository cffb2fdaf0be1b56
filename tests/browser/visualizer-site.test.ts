/**
 * "See the loop" on the built site, through the real sandbox worker: the asyncio page's
 * long callbacks-and-coroutines example, opened by mouse, stepped by mouse and by
 * keyboard. What the panel shows is checked against the model folded from the stored
 * trace (tests/visualizer/traces/callbacks-and-coroutines.json, which the Node suite
 * checks against the loop library), never against hard-coded strings.
 *
 * Also: the worker records only when asked (the run message's `trace` flag), the panel
 * and its code load only on the first open, labels follow the page's language mode,
 * a closed-and-reopened panel reuses the last trace, edited code is traced too, and
 * axe-core finds no serious or critical violation with the panel open, light and dark.
 * Screenshots of the asyncio page with the panel open go to .tmp/visualizer-site-shots/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { ROOT, findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { replaceCode, setClock, waitForEnd, wake } from "./runner-helpers";
import { TraceModel, type TaggedLoopEvent, type TraceEvent } from "../../src/visualizer/trace";
import { LOOP_FEATURED } from "../../src/components/example/loop-featured";
import { parseTrace } from "../visualizer/trace-file";

const chromium = findChromium();
const EXAMPLE = "callbacks-and-coroutines";
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const SHOTS = join(ROOT, ".tmp/visualizer-site-shots");

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** Run messages the page posted to sandbox workers (recorded by an init script). */
const RECORD_RUNS = `(() => {
  const runs = [];
  window.__runMessages = runs;
  // A run request goes to the runner over its private MessagePort (src/runner/sandbox.ts).
  const post = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (message, ...rest) {
    if (message && message.type === "run") runs.push({ trace: message.trace, clock: message.clock });
    return post.call(this, message, ...rest);
  };
})();`;

async function runMessages(page: Page): Promise<{ trace: boolean; clock: string }[]> {
  return page.evaluate(() => (window as unknown as { __runMessages: { trace: boolean; clock: string }[] }).__runMessages);
}

/** Handle ids of a list in the panel, in order. */
async function listIds(panel: Locator, list: "ready" | "timers"): Promise<number[]> {
  return panel.locator(`[data-list="${list}"] li[data-handle]`).evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.handle)));
}

async function callbacks(panel: Locator, list: "ready" | "timers"): Promise<string[]> {
  return panel.locator(`[data-list="${list}"] li[data-handle] code`).allInnerTexts();
}

async function position(panel: Locator): Promise<number> {
  return panel.evaluate((p) => (p as unknown as { position: number }).position);
}

describe.skipIf(!chromium)("See the loop, on the built site", () => {
  let site: StaticSite;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let root: Locator;
  let panel: Locator;
  const errors: string[] = [];
  const stored = parseTrace(readFileSync(join(ROOT, `tests/visualizer/traces/${EXAMPLE}.json`), "utf8"));
  const model = new TraceModel();
  for (const e of stored.events) model.push(e);

  /** The panel shows the stored trace's ready queue and timer heap at its current step; returns the step. */
  async function expectShowsModel(): Promise<number> {
    const k = await position(panel);
    const s = model.stateAt(k);
    await expect.poll(() => listIds(panel, "ready"), { message: `ready queue at step ${k}` }).toEqual(s.ready.map((h) => h.handle));
    expect({ k, timers: await listIds(panel, "timers") }).toEqual({ k, timers: s.timers.map((t) => t.handle) });
    expect({ k, ready: await callbacks(panel, "ready") }).toEqual({ k, ready: s.ready.map((h) => h.callback) });
    expect(await panel.locator("[data-iteration]").innerText()).toBe(String(s.iteration));
    return k;
  }

  /** The panel open on a traced run: the third test opens it, a test run alone (`-t`) here. */
  async function openPanel(): Promise<void> {
    if (await panel.isVisible()) return;
    await root.locator('[data-act="loop"]').click();
    await panel.waitFor();
    expect(await waitForEnd(root)).toBe("done");
  }

  beforeAll(async () => {
    site = await serveStatic();
    browser = await launchBrowser(chromium as string);
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await ctx.addInitScript(RECORD_RUNS);
    page = await ctx.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(site.url + "asyncio/");
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    root = await wake(page, EXAMPLE);
    panel = root.locator("loop-visualizer");
  });
  afterAll(async () => {
    await page?.evaluate(() => localStorage.clear()).catch(() => undefined);
    await browser?.close();
    await site?.close();
  });

  it("shows a prominent, collapsed See the loop control, and loads no panel code before it is used", async () => {
    const button = root.locator('[data-act="loop"]');
    expect(await button.count()).toBe(1);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    const host = root.locator(`#${await button.getAttribute("aria-controls")}`);
    expect(await host.isHidden()).toBe(true);
    expect(await root.locator(".ex-loop-cta").isVisible()).toBe(true);
    const hint = root.locator(`#${await button.getAttribute("aria-describedby")}`);
    expect(await hint.innerText()).toContain(LOOP_FEATURED[EXAMPLE].en);
    expect(await page.evaluate(() => customElements.get("loop-visualizer") === undefined)).toBe(true);
    // An example that is not featured has the same control, small, in its toolbar.
    const plain = await wake(page, "call-soon-vs-call-later");
    expect(await plain.locator('.ex-bar [data-act="loop"]').getAttribute("aria-expanded")).toBe("false");
    expect(await plain.locator(".ex-loop-cta").count()).toBe(0);
  });

  it("opened from the keyboard on a phone, takes the focus along to the panel's heading as the toggle scrolls away", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const p = await phone.newPage();
    await p.goto(site.url + "asyncio/");
    const r = await wake(p, EXAMPLE);
    const toggle = r.locator('[data-act="loop"]');
    await toggle.focus();
    await p.keyboard.press("Enter");
    expect(await waitForEnd(r)).toBe("done");
    const focused = () =>
      p.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement ?? host;
        const box = inner?.getBoundingClientRect();
        return { tag: inner?.tagName ?? "", host: host?.tagName ?? "", onScreen: !!box && box.top >= 0 && box.bottom <= innerHeight };
      });
    await expect.poll(focused).toEqual({ tag: "H2", host: "LOOP-VISUALIZER", onScreen: true });
    await phone.close();
  });

  it("hides the featured hint, which describes the example's own code, while the code is edited", async () => {
    const hint = root.locator(".ex-loop-hint");
    const toggle = root.locator('[data-act="loop"]');
    expect(await hint.isVisible()).toBe(true);
    const describedBy = await toggle.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    await replaceCode(root, 'console.log("something else");\n');
    await expect.poll(() => hint.isHidden()).toBe(true);
    expect(await toggle.getAttribute("aria-describedby")).toBeNull();
    await root.locator('[data-act="reset"]').click();
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await toggle.getAttribute("aria-describedby")).toBe(describedBy);
  });

  it("a plain Run records no trace", async () => {
    await root.scrollIntoViewIfNeeded();
    await setClock(root, "virtual");
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root)).toBe("done");
    expect(await runMessages(page)).toEqual([{ trace: false, clock: "virtual" }]);
    expect(await page.evaluate(() => customElements.get("loop-visualizer") === undefined)).toBe(true);
  });

  it("opening the loop view reruns the example, traced and Instant, and shows the stored trace event for event", async () => {
    const button = root.locator('[data-act="loop"]');
    await setClock(root, "real"); // opening switches to Instant: the whole run at once
    await button.click();
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await panel.waitFor();
    expect(await waitForEnd(root)).toBe("done");
    expect((await runMessages(page)).at(-1)).toEqual({ trace: true, clock: "virtual" });
    const live = await panel.evaluate((p) => (p as unknown as { model: { events(): unknown[] } }).model.events());
    // Same events, same handles, same source lines (mapped through the bundle's source map).
    expect(live as TraceEvent[]).toEqual(stored.events);
    expect(await position(panel)).toBe(-1); // an Instant run opens at its start, ready to step
    // It opened below the output, out of sight: its head is brought into view.
    await expect.poll(() => panel.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      return top >= 0 && top < innerHeight / 2;
    })).toBe(true);
    await expectShowsModel();
    expect(errors).toEqual([]);
  });

  it("Step callback (mouse): the callbacks and Task-1's step leave the ready queue one at a time", async () => {
    await openPanel();
    await panel.locator("input[type=range]").focus();
    await page.keyboard.press("Home"); // the start of the run, where an Instant run opens
    await expect.poll(() => position(panel)).toBe(-1);
    const step = panel.locator("button[data-act=step-callback]");
    const turn1 = model.nextStop(-1, "iteration");
    const turn2 = model.nextStop(turn1, "iteration");
    const firstTurn = model.stateAt(turn1).ready.map((h) => h.handle);
    expect(firstTurn.length).toBe(3); // two callbacks and Task-1's first step
    let k = -1;
    const fronts: number[] = [];
    while (k < turn2 - 1) {
      await step.click();
      const want = model.nextStop(k, "callback");
      await expect.poll(() => position(panel)).toBe(want);
      k = await expectShowsModel();
      if (k <= turn1) continue;
      const next = stored.events[k + 1];
      fronts.push(next.type === "run" ? next.handle : -1);
      if (next.type === "run") expect((await listIds(panel, "ready"))[0]).toBe(next.handle);
    }
    // One stop per callback: each time, the next to run is the new front of the queue,
    // until the turn is over and every callback queued at its start has run.
    expect(k).toBe(turn2 - 1);
    expect(fronts.length).toBe(firstTurn.length);
    for (const h of firstTurn) expect(await listIds(panel, "ready")).not.toContain(h);
    // …and the running line of the reader's code is the one the stored trace says.
    const line = model.lineAt(k);
    expect(line).not.toBeNull();
    await expect.poll(() => panel.locator("[data-code]").innerText()).toMatch(new RegExp(`${line}행|line ${line}`));
  });

  it("Step iteration (keyboard): Enter on the button and the ] shortcut move a whole turn", async () => {
    await openPanel();
    const stepIteration = panel.locator("button[data-act=step-iteration]");
    await stepIteration.focus();
    let k = await position(panel);
    await page.keyboard.press("Enter");
    let want = model.nextStop(k, "iteration");
    await expect.poll(() => position(panel)).toBe(want);
    k = await expectShowsModel();
    expect(stored.events[k].type).toBe("iteration");
    const seen: string[][] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("]");
      want = model.nextStop(k, "iteration");
      await expect.poll(() => position(panel)).toBe(want);
      k = await expectShowsModel();
      seen.push(await callbacks(panel, "ready"));
    }
    // The callback and the coroutines take turns: a turn running the callback (and
    // the timers' wakeups) alternates with one running the tasks' steps.
    const kinds = seen.map((names) => names.some((n) => n === "printEverySecondsCallback"));
    expect(kinds.some(Boolean)).toBe(true);
    expect(kinds.some((b) => !b)).toBe(true);
    expect(seen.flat().some((n) => /^Task-\d+\./.test(n))).toBe(true);
    await page.keyboard.press("[");
    await expect.poll(() => position(panel)).toBe(model.prevStop(k, "iteration"));
    await expectShowsModel();
  });

  it("follows the page's language mode: panel and control labels switch", async () => {
    await openPanel();
    const step = panel.locator("button[data-act=step-callback]");
    const button = root.locator('[data-act="loop"]');
    await page.locator('[data-set-lang="en"]').click();
    await expect.poll(() => step.innerText()).toBe("Step callback");
    expect(await button.innerText()).toMatch(/^↻\s*See the loop$/);
    expect(await panel.locator("[data-list=ready]").evaluate((el) => el.closest("section")?.querySelector("h3")?.textContent)).toMatch(/Ready queue/);
    await page.locator('[data-set-lang="ko"]').click();
    await expect.poll(() => step.innerText()).toBe("콜백 한 단계 앞으로");
    expect(await button.innerText()).toMatch(/^↻\s*루프 보기$/);
    await page.locator('[data-set-lang="both"]').click();
    await expect.poll(() => step.innerText()).toMatch(/콜백 한 단계 앞으로[\s·]*Step callback/);
    await expectShowsModel(); // the step survives a language switch
  });

  for (const theme of ["light", "dark"] as const) {
    it(`passes axe-core with the panel open (${theme}): no serious or critical violations`, async () => {
      await openPanel();
      await page.locator(`[data-set-theme="${theme}"]`).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async (selector) => {
        const axe = (window as unknown as { axe: { run(ctx: object, o: object): Promise<AxeResult> } }).axe;
        const r = await axe.run({ include: [selector] }, {});
        return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) }));
      }, `asyncio-example[data-id="${EXAMPLE}"]`);
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
    });
  }

  it("closes and reopens without running again: the last run's trace is reused", async () => {
    await openPanel();
    const button = root.locator('[data-act="loop"]');
    const k = await position(panel);
    const runs = (await runMessages(page)).length;
    await button.focus();
    await page.keyboard.press("Enter");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await panel.isHidden()).toBe(true);
    await page.keyboard.press("Space");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await position(panel)).toBe(k);
    expect((await runMessages(page)).length).toBe(runs);
    await expectShowsModel();
  });

  it("traces edited code too, with its own lines", async () => {
    await openPanel();
    const code = [
      'import * as asyncio from "asyncio";',
      "",
      "function* nap(): asyncio.Coroutine<void> {",
      "  yield* asyncio.sleep(2);",
      '  console.log("edited");',
      "}",
      "",
      "await asyncio.run(nap());",
    ].join("\n");
    await replaceCode(root, code);
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("done");
    expect((await runMessages(page)).at(-1)).toEqual({ trace: true, clock: "virtual" });
    const events = (await panel.evaluate((p) => (p as unknown as { model: { events(): unknown[] } }).model.events())) as TraceEvent[];
    // asyncio.run() on line 8 wraps nap() in the run's first task.
    const created = events.find((e): e is TaggedLoopEvent & { type: "task-create" } => e.type === "task-create");
    expect(created?.line).toBe(8);
    // sleep(2) puts a timer in the heap from line 4 of the edit.
    const timer = events.find((e): e is TaggedLoopEvent & { type: "schedule" } => e.type === "schedule" && e.when !== undefined);
    expect({ when: timer?.when, line: timer?.line }).toEqual({ when: 2, line: 4 });
    expect(events.some((e) => e.type === "output" && e.text === "edited")).toBe(true);
  });

  it("keeps only the newest events of a long run, within a fixed bound, and says so", async () => {
    await openPanel();
    const code = [
      'import * as asyncio from "asyncio";',
      "function* spin(): asyncio.Coroutine<void> {",
      "  for (let i = 0; i < 8000; i++) yield* asyncio.sleep(0);",
      '  console.log("spun");',
      "}",
      "await asyncio.run(spin());",
    ].join("\n");
    await replaceCode(root, code);
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("done");
    const kept = await panel.evaluate((p) => {
      const m = (p as unknown as { model: { first: number; end: number; limit: number } }).model;
      return { first: m.first, size: m.end - m.first, limit: m.limit };
    });
    expect(kept.first).toBeGreaterThan(0);
    expect(kept.size).toBe(kept.limit);
    const note = panel.locator("[data-note]");
    expect(await note.isVisible()).toBe(true);
    expect(await note.innerText()).toContain(kept.limit.toString());
    expect(await note.innerText()).toMatch(/버렸습니다|dropped/);
    await root.locator('[data-act="reset"]').click();
  });

  it("takes screenshots of the asyncio page with the panel open (1280 and 390 px, light and dark, ko and en)", async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [1280, 390]) {
      for (const theme of ["light", "dark"] as const) {
        for (const lang of ["ko", "en"] as const) {
          const shotCtx = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
          const p = await shotCtx.newPage();
          await p.goto(site.url + "asyncio/");
          await p.evaluate(([t, l]) => {
            localStorage.setItem("notes:theme", t);
            localStorage.setItem("notes:lang", l);
          }, [theme, lang]);
          await p.reload();
          const ex = await wake(p, EXAMPLE);
          await ex.locator('[data-act="loop"]').click();
          expect(await waitForEnd(ex)).toBe("done");
          const vis = ex.locator("loop-visualizer");
          await vis.waitFor();
          // A telling step: the third turn, after its first callback.
          await vis.evaluate((el) => {
            const v = el as unknown as { goTo(k: number): void; model: { nextStop(k: number, kind: string): number } };
            let k = -1;
            for (let i = 0; i < 3; i++) k = v.model.nextStop(k, "iteration");
            v.goTo(v.model.nextStop(k, "callback"));
          });
          // What the reader sees: the toolbar and the control, then the panel, each at the
          // top of the window (below the site's sticky header).
          for (const [part, selector] of [["control", ".ex-bar"], ["panel", ".ex-loop"]] as const) {
            await ex.locator(selector).evaluate((el) => {
              const header = document.querySelector("header")?.getBoundingClientRect().height ?? 0;
              window.scrollTo({ top: el.getBoundingClientRect().top + scrollY - header - 8, behavior: "instant" });
            });
            const file = join(SHOTS, `asyncio-${width}-${theme}-${lang}-${part}.png`);
            await p.screenshot({ path: file });
            expect(readFileSync(file).length).toBeGreaterThan(20_000);
          }
          // The panel fits the page: nothing wider than the viewport.
          expect(await p.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
          await shotCtx.close();
        }
      }
    }
  });
});
