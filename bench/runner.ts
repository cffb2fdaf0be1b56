/**
 * bench/runner.ts (started by bench/runner.mjs): click Run → first output line, in
 * Chromium over the built site, Instant mode.
 *
 * - unedited: every example on every page (prebuilt bundle, sandbox worker booted
 *   when the pointer reached the example, as it does for a reader);
 * - unedited, cold: the first Run on a freshly loaded page with no pointer movement
 *   (the sandbox runtime is fetched and a worker booted after the click);
 * - edited, esbuild warm: an edit bundled by esbuild-wasm that is already initialized;
 * - first edited run: fresh browser context, so esbuild-wasm's JS and its 2.7 MB brotli
 *   binary are fetched and initialized after the click; from localhost, then over a
 *   link throttled to 10 Mbit/s (CDP Network.emulateNetworkConditions);
 * - trace off / on: the examples with a featured loop view, each Run twice in turns,
 *   once plain and once with "See the loop" open (the worker then records every loop
 *   event for the visualizer); first line and whole run (click → the run's end).
 *
 * Options: --dist DIR serves another build (e.g. a copy made before a change, to compare
 * plain runs before and after); --trace-only measures only the trace off / on cases.
 *
 * Latency is measured inside the page: performance.now() at the click, then a
 * MutationObserver on the output panel for the first printed line. Targets (median /
 * p95): unedited ≤ 100 / 250 ms, edited warm ≤ 200 ms, first edited ≤ 1.5 s.
 * A benchmark reports; it exits 0 whether targets are met or missed.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { LOOP_FEATURED } from "../src/components/example/loop-featured";
import { ROOT, findChromium, launchBrowser, serveStatic, throttleTo10Mbit, type StaticSite } from "../tests/browser/lib";

const args = process.argv.slice(2);
const DIST = args.includes("--dist") ? join(ROOT, args[args.indexOf("--dist") + 1]) : join(ROOT, "dist");
const TRACE_ONLY = args.includes("--trace-only");
/** Runs per example and mode in the trace off / on comparison. */
const TRACE_ROUNDS = 8;
const END = ["done", "stopped", "limit-time", "limit-lines", "crashed"];

function pagesWithExamples(): { path: string; ids: string[] }[] {
  const out: { path: string; ids: string[] }[] = [];
  for (const dir of readdirSync(DIST, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name.startsWith("_") || dir.name === "embed" || dir.name === "playground") continue;
    const file = join(DIST, dir.name, "index.html");
    if (!existsSync(file)) continue;
    const ids = [...readFileSync(file, "utf8").matchAll(/<asyncio-example[^>]*\bdata-id="([a-z0-9-]+)"/g)].map((m) => m[1]);
    if (ids.length) out.push({ path: `${dir.name}/`, ids });
  }
  return out;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

async function wake(page: Page, id: string): Promise<void> {
  const root = page.locator(`asyncio-example[data-id="${id}"]`).first();
  await root.scrollIntoViewIfNeeded();
  await root.locator(".ex-bar:not([hidden])").waitFor();
  await root.locator('.ex-clock input[value="virtual"] + label').click();
}

/** Clicks Run inside the page; resolves with ms until the first printed line, after the run ends. */
async function timeRun(page: Page, id: string): Promise<number> {
  return (await timeRunFully(page, id)).first;
}

/** Clicks Run inside the page: ms until the first printed line and until the run's end. */
async function timeRunFully(page: Page, id: string): Promise<{ first: number; end: number }> {
  const ms = await page.evaluate(async ([id, endStates]) => {
    const root = document.querySelector(`asyncio-example[data-id="${id}"]`)!;
    const out = root.querySelector("[data-part=out]")!;
    const printed = ".ex-line--log, .ex-line--info, .ex-line--warn, .ex-line--error";
    const t0 = performance.now();
    const first = new Promise<number>((ok) => {
      const mo = new MutationObserver(() => {
        if (out.querySelector(printed)) {
          mo.disconnect();
          ok(performance.now());
        }
      });
      mo.observe(out, { childList: true, subtree: true });
    });
    const end = new Promise<number>((ok) => {
      const mo = new MutationObserver(() => {
        if (endStates.includes(root.getAttribute("data-state") ?? "")) {
          mo.disconnect();
          ok(performance.now());
        }
      });
      mo.observe(root, { attributes: true, attributeFilter: ["data-state"] });
    });
    (root.querySelector('[data-act="run"]') as HTMLButtonElement).click();
    return { first: (await first) - t0, end: (await end) - t0 };
  }, [id, END] as const);
  await page.waitForFunction(
    ([id, end]) => end.includes(document.querySelector(`asyncio-example[data-id="${id}"]`)?.getAttribute("data-state") ?? ""),
    [id, END] as const,
    { timeout: 30_000 },
  );
  return ms;
}

async function edit(page: Page, id: string, code: string): Promise<void> {
  const root = page.locator(`asyncio-example[data-id="${id}"]`).first();
  if ((await root.locator(".cm-editor").count()) === 0) {
    await root.locator(".ex-code--ts pre:not([hidden])").first().click();
    await root.locator(".cm-editor").waitFor();
  }
  await root.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

async function firstEdited(browser: Browser, site: StaticSite, path: string, id: string, throttle: boolean): Promise<number> {
  const context: BrowserContext = await browser.newContext();
  const page = await context.newPage();
  if (throttle) await throttleTo10Mbit(context, page);
  await page.goto(site.url + path);
  await wake(page, id);
  const original = (await page.locator(`asyncio-example[data-id="${id}"] .ex-code--ts pre`).first().textContent()) ?? "";
  await edit(page, id, `${original}\n// edited\n`);
  const ms = await timeRun(page, id);
  await page.evaluate(() => localStorage.clear());
  await context.close();
  return ms;
}

/** The examples whose loop view is featured (src/components/example/loop-featured.ts), with their pages. */
function featured(): { path: string; id: string }[] {
  return pagesWithExamples().flatMap(({ path, ids }) => ids.filter((id) => id in LOOP_FEATURED).map((id) => ({ path, id })));
}

/**
 * Trace off vs on, in turns on the same page (so both see the same machine load): the
 * plain Run with the loop view closed, then with it open. A build without the loop
 * view (--dist of an older copy) measures the plain runs only.
 */
async function traceCases(browser: Browser, site: StaticSite): Promise<{ off: { first: number[]; end: number[] }; on: { first: number[]; end: number[] } }> {
  const off = { first: [] as number[], end: [] as number[] };
  const on = { first: [] as number[], end: [] as number[] };
  const cases = featured();
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const { path, id } of cases) {
    await page.goto(site.url + path);
    await wake(page, id);
    const root = page.locator(`asyncio-example[data-id="${id}"]`).first();
    const loop = root.locator('[data-act="loop"]');
    const hasLoop = (await loop.count()) > 0;
    await root.locator('[data-act="run"]').hover();
    await page.waitForTimeout(150);
    await timeRunFully(page, id); // warm-up: the prebuilt bundle is fetched once
    for (let k = 0; k < TRACE_ROUNDS; k++) {
      await root.locator('[data-act="run"]').hover();
      await page.waitForTimeout(150);
      const plain = await timeRunFully(page, id);
      off.first.push(plain.first);
      off.end.push(plain.end);
      if (!hasLoop) continue;
      if ((await loop.getAttribute("aria-expanded")) !== "true") {
        await loop.click(); // opens the panel and runs once, traced
        await root.locator("loop-visualizer").waitFor();
        await page.waitForFunction((el) => el?.getAttribute("data-state") !== "running", await root.elementHandle());
      }
      await root.locator('[data-act="run"]').hover();
      await page.waitForTimeout(150);
      const traced = await timeRunFully(page, id);
      on.first.push(traced.first);
      on.end.push(traced.end);
      await loop.click(); // close: the next plain Run records nothing
    }
  }
  await context.close();
  return { off, on };
}

function row(name: string, values: number[], target: string): string {
  const fmt = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : "—");
  return `| ${name.padEnd(44)} | ${String(values.length).padStart(3)} | ${fmt(quantile(values, 0.5)).padStart(8)} | ${fmt(quantile(values, 0.95)).padStart(8)} | ${fmt(Math.max(...values)).padStart(8)} | ${target.padEnd(22)} |`;
}

function jsSizes(): string[] {
  const dir = join(DIST, "_astro");
  const lines: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".js")).sort()) {
    const raw = readFileSync(join(dir, name));
    lines.push(`| ${name.padEnd(60)} | ${(raw.length / 1024).toFixed(1).padStart(7)} KB | ${(gzipSync(raw, { level: 9 }).length / 1024).toFixed(1).padStart(6)} KB |`);
  }
  for (const name of ["sandbox.js", "esbuild-" + JSON.parse(readFileSync(join(ROOT, "node_modules/esbuild-wasm/package.json"), "utf8")).version + ".wasm"]) {
    const file = join(DIST, "_runner", name);
    if (!existsSync(file)) continue;
    const raw = readFileSync(file);
    const br = existsSync(file + ".br") ? readFileSync(file + ".br").length : gzipSync(raw).length;
    lines.push(`| ${("_runner/" + name).padEnd(60)} | ${(raw.length / 1024).toFixed(1).padStart(7)} KB | ${(br / 1024).toFixed(1).padStart(6)} KB br |`);
  }
  return lines;
}

async function main(): Promise<void> {
  const chromium = findChromium();
  if (!chromium) {
    console.log("bench/runner: no Chromium, nothing measured");
    return;
  }
  if (!existsSync(join(DIST, "index.html"))) {
    console.log("bench/runner: dist/ is missing, running `npm run build` first");
    const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error("npm run build failed");
  }
  const site = await serveStatic({ dir: DIST });
  const browser = await launchBrowser(chromium);
  try {
    const trace = await traceCases(browser, site);
    const header = (): void => {
      console.log(`| ${"case".padEnd(44)} |   n |   median |      p95 |      max | ${"target".padEnd(22)} |`);
      console.log(`|${"-".repeat(46)}|-----|----------|----------|----------|${"-".repeat(24)}|`);
    };
    console.log(`\nRunner: trace off vs on, examples with a featured loop view (${DIST})\n`);
    header();
    console.log(row("trace off: click → first line", trace.off.first, "≤ 100 ms, p95 ≤ 250 ms"));
    console.log(row("trace off: click → run ended", trace.off.end, "(for reference)"));
    if (trace.on.first.length) {
      console.log(row("trace on (loop view open): click → 1st line", trace.on.first, "(report)"));
      console.log(row("trace on (loop view open): click → run ended", trace.on.end, "(report)"));
    }
    if (TRACE_ONLY) return;
    const pages = pagesWithExamples();
    const unedited: number[] = [];
    const cold: number[] = [];
    const context = await browser.newContext();
    const page = await context.newPage();
    for (const { path, ids } of pages) {
      await page.goto(site.url + path);
      await wake(page, ids[0]);
      cold.push(await timeRun(page, ids[0]));
      for (const id of ids) {
        await wake(page, id);
        await page.locator(`asyncio-example[data-id="${id}"] [data-act="run"]`).hover();
        await page.waitForTimeout(150);
        unedited.push(await timeRun(page, id));
      }
    }

    const warm: number[] = [];
    const first = pages[0];
    await page.goto(site.url + first.path);
    for (const [i, id] of first.ids.entries()) {
      await wake(page, id);
      const original = (await page.locator(`asyncio-example[data-id="${id}"] .ex-code--ts pre`).first().textContent()) ?? "";
      for (let k = 0; k < 4; k++) {
        await edit(page, id, `${original}\n// edit ${i}.${k}\n`);
        const ms = await timeRun(page, id);
        if (i > 0 || k > 0) warm.push(ms); // the very first one initializes esbuild
      }
    }
    await page.evaluate(() => localStorage.clear());
    await context.close();

    const firstLocal: number[] = [];
    for (let k = 0; k < 3; k++) firstLocal.push(await firstEdited(browser, site, first.path, first.ids[0], false));
    const firstThrottled = [await firstEdited(browser, site, first.path, first.ids[0], true)];

    console.log("\nRunner: click Run → first output line (Chromium, Instant mode)\n");
    console.log(`| ${"case".padEnd(44)} |   n |   median |      p95 |      max | ${"target".padEnd(22)} |`);
    console.log(`|${"-".repeat(46)}|-----|----------|----------|----------|${"-".repeat(24)}|`);
    console.log(row("unedited, prebuilt (pointer on the example)", unedited, "≤ 100 ms, p95 ≤ 250 ms"));
    console.log(row("unedited, first Run on a page, no pointer", cold, "(for reference)"));
    console.log(row("edited, esbuild-wasm warm", warm, "≤ 200 ms"));
    console.log(row("first edited run, localhost (fresh cache)", firstLocal, "≤ 1.5 s"));
    console.log(row("first edited run, 10 Mbit/s + 20 ms", firstThrottled, "(report)"));
    console.log("\nRunner JS and binaries (loaded on demand except the island and controller)\n");
    console.log(`| ${"file".padEnd(60)} |       raw |  compressed |`);
    console.log(`|${"-".repeat(62)}|-----------|-------------|`);
    for (const line of jsSizes()) console.log(line);
  } finally {
    await browser.close();
    await site.close();
  }
}

await main();
