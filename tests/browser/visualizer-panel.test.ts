/**
 * The loop visualizer in Chromium, on a harness page built at test time (the site's
 * pages are not needed): src/visualizer/ bundled with esbuild into .tmp/, fed through
 * the same trace sink the runner uses, with a trace of the long callbacks-and-coroutines
 * example recorded now in Node from the real loop library.
 *
 * Checks: stepping by mouse and by keyboard shows, at each step, the ready queue and the
 * timer heap the model computes (the model itself is checked against the library's own
 * queues in tests/visualizer/library-queues.test.ts); the callback and the coroutines
 * take turns in the ready queue; Korean and English; the timeline; the text trace and
 * Copy; axe-core in light and dark. Screenshots go to .tmp/visualizer-shots/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ROOT, findChromium, launchBrowser, serveStatic, type StaticSite } from "./lib";
import { TraceModel, type TraceEvent } from "../../src/visualizer/trace";
import { parseTrace } from "../visualizer/trace-file";

const chromium = findChromium();
const HARNESS = join(ROOT, ".tmp/visualizer-harness");
const SHOTS = join(ROOT, ".tmp/visualizer-shots");
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");
const EXAMPLE = "callbacks-and-coroutines";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Record the example's trace now, from the real library (the same script as the stored traces). */
function recordNow(): TraceEvent[] {
  const tsx = join(ROOT, "node_modules/.bin/tsx");
  const out = execFileSync(tsx, [join(ROOT, "tests/visualizer/record-trace.ts"), EXAMPLE], { cwd: ROOT, encoding: "utf8" });
  return parseTrace(out).events;
}

async function buildHarness(events: TraceEvent[]): Promise<void> {
  rmSync(HARNESS, { recursive: true, force: true });
  mkdirSync(HARNESS, { recursive: true });
  await build({
    entryPoints: [join(ROOT, "src/visualizer/index.ts")],
    bundle: true,
    splitting: true,
    format: "esm",
    target: "es2022",
    outdir: HARNESS,
    logLevel: "silent",
  });
  const siteCss = readFileSync(join(ROOT, "src/styles/base.css"), "utf8");
  const source = readFileSync(join(ROOT, `content/examples/${EXAMPLE}/example.ts`), "utf8");
  writeFileSync(join(HARNESS, "trace.json"), JSON.stringify({ type: "trace", events, dropped: 0 }));
  writeFileSync(join(HARNESS, "index.html"), `<!doctype html>
<html lang="ko" data-lang="both" data-theme="light">
<head><meta charset="utf-8"><title>Loop visualizer harness</title>
<style>${siteCss}
main { max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }</style></head>
<body><main><h1>Loop visualizer</h1><div id="host"></div></main>
<script type="module">
import { createTraceSink } from "./index.js";
const sink = createTraceSink();
const message = await (await fetch("./trace.json")).json();
sink.accept(message);
window.__panel = await sink.open(document.getElementById("host"), { source: ${JSON.stringify(source)} });
window.__ready = true;
</script></body></html>`);
}

/** Handle ids in a list of the panel, in order. */
async function listIds(page: Page, list: "ready" | "timers"): Promise<number[]> {
  return page.locator(`loop-visualizer [data-list="${list}"] li[data-handle]`)
    .evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.handle)));
}

async function position(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __panel: { position: number } }).__panel.position);
}

describe.skipIf(!chromium)("loop visualizer panel", () => {
  let site: StaticSite;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let events: TraceEvent[] = [];
  const model = new TraceModel();

  /** The panel shows the model's ready queue and timer heap at its current step. */
  async function expectShowsModel(): Promise<number> {
    const k = await position(page);
    const s = model.stateAt(k);
    expect({ k, ready: await listIds(page, "ready") }).toEqual({ k, ready: s.ready.map((h) => h.handle) });
    expect({ k, timers: await listIds(page, "timers") }).toEqual({ k, timers: s.timers.map((t) => t.handle) });
    return k;
  }

  beforeAll(async () => {
    events = recordNow();
    for (const e of events) model.push(e);
    await buildHarness(events);
    site = await serveStatic({ dir: HARNESS });
    browser = await launchBrowser(chromium as string);
    ctx = await browser.newContext({ viewport: { width: 1100, height: 1000 } });
    await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.url.replace(/\/$/, "") });
    page = await ctx.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(site.url);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true, undefined, { timeout: 20_000 });
    expect(errors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it("opens at the start of the run, with every event on the timeline", async () => {
    expect(await position(page)).toBe(-1);
    const range = page.locator("loop-visualizer input[type=range]");
    expect(await range.getAttribute("max")).toBe(String(events.length - 1));
    await expectShowsModel();
    // Before the first event: how many steps, and no iteration counted yet ("0번째 바퀴").
    await expect.poll(() => page.locator("loop-visualizer [data-summary]").innerText()).toContain(`모두 ${events.length}단계 — 시작 전`);
    expect(await page.locator("loop-visualizer [data-summary]").innerText()).not.toContain("0번째");
    // The summary says each step; the step counter beside the timeline stays quiet.
    expect(await page.locator("loop-visualizer output").getAttribute("aria-live")).toBe("off");
  });

  it("steps one iteration by mouse: the first turn's ready queue holds both callbacks and Task-1's step", async () => {
    await page.getByRole("button", { name: /^한 바퀴 앞으로 · Step iteration$/ }).click();
    const k = await expectShowsModel();
    expect(events[k].type).toBe("iteration");
    const names = await page.locator('loop-visualizer [data-list="ready"] li code').allInnerTexts();
    expect(names).toEqual(["printEverySecondsCallback", "printEverySecondsCallbackToCoroutine", "Task-1.step"]);
    await expect.poll(() => page.locator("loop-visualizer [data-iteration]").innerText()).toBe("1");
  });

  it("steps one callback at a time by keyboard, each callback leaving the front of the queue", async () => {
    // From the first turn (where the test before leaves it; here too when run alone).
    await page.locator("loop-visualizer input[type=range]").focus();
    await page.keyboard.press("Home");
    await page.keyboard.press("]");
    await page.locator("loop-visualizer button[data-act=step-callback]").focus();
    const before = await listIds(page, "ready");
    await page.keyboard.press("Enter"); // the focused button
    let k = await expectShowsModel();
    expect(events[k + 1]?.type === "run" || events[k + 1]?.type === "iteration").toBe(true);
    expect(await listIds(page, "ready")).toEqual(before.slice(1)); // printEverySecondsCallback ran…
    expect(await listIds(page, "timers")).toContain(4); // …and put its next call in the timer heap
    await expect.poll(() => page.locator("loop-visualizer [data-running]").innerText()).toContain("printEverySecondsCallback");
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("."); // the panel's shortcut
      k = await expectShowsModel();
    }
    // The turn is over: Task-1 ran up to its sleep and waits on its future.
    const task1 = page.locator('loop-visualizer [data-list="tasks"] li[data-task="1"]');
    expect(await task1.getAttribute("data-phase")).toBe("suspended");
    expect(await task1.innerText()).toContain("퓨처 #3");
    await expect.poll(() => page.locator("loop-visualizer [data-code]").innerText()).toMatch(/9행|line 9/);
  });

  it("shows the callback and the coroutines taking turns, iteration after iteration", async () => {
    await page.locator("loop-visualizer input[type=range]").focus();
    await page.keyboard.press("Home");
    expect(await position(page)).toBe(-1);
    await page.keyboard.press("]");
    const turns: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("]");
      await expectShowsModel();
      turns.push((await page.locator('loop-visualizer [data-list="ready"] li code').allInnerTexts()).join(" | "));
    }
    expect(turns).toEqual([
      "Task-2.step",
      "printEverySecondsCallback | _setResultUnlessCancelled | _setResultUnlessCancelled",
      "Task-1.wakeup | Task-2.wakeup",
      "printEverySecondsCallback | _setResultUnlessCancelled | _setResultUnlessCancelled",
      "Task-1.wakeup | Task-2.wakeup",
      "printEverySecondsCallback | _setResultUnlessCancelled | _setResultUnlessCancelled",
    ]);
    await page.keyboard.press("[");
    await expectShowsModel();
    expect(await page.locator("loop-visualizer [data-iteration]").innerText()).toBe("6");
  });

  it("scrubs the timeline to the end and back", async () => {
    const range = page.locator("loop-visualizer input[type=range]");
    await range.focus();
    await page.keyboard.press("End");
    expect(await position(page)).toBe(events.length - 1);
    await expectShowsModel();
    await range.fill("120");
    expect(await position(page)).toBe(120);
    await expectShowsModel();
  });

  it("lists a done callback under its future (here a task) until it is done", async () => {
    const added = events.findIndex((e) => e.type === "future-callback" && e.callback === "Future.done-callback");
    expect(added).toBeGreaterThan(0);
    const added0 = events[added];
    const future = added0.type === "future-callback" ? added0.future : -1;
    expect(model.stateAt(added).tasks.find((t) => t.task === future)?.callbacks).toEqual(["Future.done-callback"]);
    const line = page.locator(`loop-visualizer [data-task="${future}"] [data-callbacks]`);
    const range = page.locator("loop-visualizer input[type=range]");
    await range.fill(String(added));
    expect(await position(page)).toBe(added);
    expect(await line.textContent()).toContain("Future.done-callback");
    const done = events.findIndex((e) => e.type === "task-done" && e.task === future);
    expect(done).toBeGreaterThan(added);
    await range.fill(String(done));
    expect(await position(page)).toBe(done);
    expect(await line.count()).toBe(0);
  });

  it("follows the page's language mode, and setLang overrides it", async () => {
    const stepButton = page.locator("loop-visualizer button[data-act=step-callback]");
    await page.evaluate(() => { document.documentElement.dataset.lang = "en"; });
    await expect.poll(() => stepButton.innerText()).toBe("Step callback");
    await page.evaluate(() => { document.documentElement.dataset.lang = "ko"; });
    await expect.poll(() => stepButton.innerText()).toBe("콜백 한 단계 앞으로");
    await page.evaluate(() => (window as unknown as { __panel: { setLang(l: string): void } }).__panel.setLang("en"));
    await expect.poll(() => stepButton.innerText()).toBe("Step callback");
    await page.evaluate(() => { document.documentElement.dataset.lang = "ko"; });
    expect(await stepButton.innerText()).toBe("Step callback");
    expect(await page.locator("loop-visualizer .viz").getAttribute("lang")).toBe("en");
    await expectShowsModel(); // the state survives a language switch
  });

  it("has a text trace with the current step marked, and copies it", async () => {
    await page.evaluate(() => (window as unknown as { __panel: { setLang(l: string): void } }).__panel.setLang("en"));
    await page.locator("loop-visualizer input[type=range]").fill("120");
    await page.locator("loop-visualizer details summary").click();
    const rows = page.locator("loop-visualizer details tbody tr");
    await expect.poll(() => rows.count()).toBe(events.length);
    const k = await position(page);
    expect(await page.locator('loop-visualizer tr[aria-current="step"]').getAttribute("data-step")).toBe(String(k));
    await page.locator("loop-visualizer button[data-act=copy]").click();
    await expect.poll(() => page.locator("loop-visualizer details [role=status]").innerText()).toContain(String(events.length));
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.trimEnd().split("\n");
    expect(lines.length).toBe(events.length + 1);
    expect(lines[0]).toBe("Iteration\tTime (s)\tEvent");
  });

  for (const theme of ["light", "dark"] as const) {
    it(`passes axe-core with no serious or critical violations (${theme})`, async () => {
      await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme);
      await page.evaluate(() => (window as unknown as { __panel: { setLang(l: string): void } }).__panel.setLang("both"));
      await page.addScriptTag({ path: AXE });
      const { violations, shadowChecked } = await page.evaluate(async () => {
        type Result = { violations: AxeViolation[]; passes: AxeViolation[] };
        const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<Result> } }).axe;
        const r = await axe.run(document, {});
        return {
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) })),
          // A node inside the panel's shadow root has a nested target: [host, inner selector].
          shadowChecked: r.passes.filter((p) => p.id === "color-contrast").flatMap((p) => p.nodes).filter((n) => Array.isArray(n.target[0])).length,
        };
      });
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
      expect(shadowChecked).toBeGreaterThan(20);
    });
  }

  it("takes screenshots in both languages, light and dark", async () => {
    mkdirSync(SHOTS, { recursive: true });
    const panel = page.locator("loop-visualizer");
    await page.locator("loop-visualizer details").evaluate((d) => { (d as HTMLDetailsElement).open = false; });
    await page.evaluate(() => {
      const p = (window as unknown as { __panel: { goTo(k: number): void; model: { nextStop(k: number, kind: string): number } } }).__panel;
      let k = -1;
      for (let i = 0; i < 3; i++) k = p.model.nextStop(k, "iteration");
      p.goTo(p.model.nextStop(k, "callback"));
    });
    for (const theme of ["light", "dark"] as const) {
      for (const lang of ["ko", "en", "both"] as const) {
        await page.evaluate(([t, l]) => {
          document.documentElement.dataset.theme = t;
          (window as unknown as { __panel: { setLang(x: string): void } }).__panel.setLang(l);
        }, [theme, lang]);
        const file = join(SHOTS, `${theme}-${lang}.png`);
        await panel.screenshot({ path: file });
        expect(readFileSync(file).length).toBeGreaterThan(10_000);
      }
    }
  });
});
