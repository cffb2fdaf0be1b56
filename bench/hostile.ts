/**
 * bench/hostile.ts (started by bench/hostile.mjs): every case of the hostile-input table
 * (tests/browser/hostile-cases.ts) in the playground, in Chromium over the built site.
 *
 * For each run it reports two numbers:
 * - stall: the longest gap between two `setTimeout(0)` callbacks on the page from the
 *   click on Run until the run's end is drawn (what a reader feels), and
 * - busy: the longest main-thread task in a Chromium trace of the same run, in CPU time
 *   (thread time), which does not count time the thread waited for a core. On a loaded
 *   machine the stall grows with the load; busy shows what the page itself did.
 *
 * Goals (issue 15): worst stall ≤ 100 ms, median ≤ 50 ms over the table. The machine's
 * load average is printed with the results. A benchmark reports; it exits 0 either way.
 */
import { loadavg } from "node:os";
import { CASES, runCase } from "../tests/browser/hostile-cases";
import { findChromium, launchBrowser, serveStatic } from "../tests/browser/lib";
import { wake } from "../tests/browser/runner-helpers";

const chromium = findChromium();
if (!chromium) {
  console.log("bench/hostile: no Chromium found; skipped");
  process.exit(0);
}
const site = await serveStatic();
const browser = await launchBrowser(chromium);
const page = await browser.newPage();
await page.goto(`${site.url}playground/`);

interface Row {
  case: string;
  state: string;
  "stall (ms)": number;
  "busy (ms)": number;
}
const rows: Row[] = [];
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

for (const c of CASES) {
  const root = await wake(page, "playground");
  await browser.startTracing(page, { categories: ["devtools.timeline"] });
  const result = await runCase(page, root, c);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: { name: string; ph: string; tid: number; tdur?: number; args?: { name?: string } }[];
  };
  const main = trace.traceEvents.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain")?.tid;
  const busy = Math.max(0, ...trace.traceEvents.filter((e) => e.tid === main && e.ph === "X" && e.name === "RunTask").map((e) => (e.tdur ?? 0) / 1000));
  rows.push({ case: c.name, state: result.state, "stall (ms)": Math.round(result.stall), "busy (ms)": Math.round(busy) });
}
await browser.close();
await site.close();

console.table(rows);
const stalls = rows.map((r) => r["stall (ms)"]);
const busy = rows.map((r) => r["busy (ms)"]);
const verdict = (ok: boolean): string => (ok ? "met" : "MISSED");
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine while measuring`);
console.log(`stall: worst ${Math.max(...stalls)} ms (goal ≤ 100: ${verdict(Math.max(...stalls) <= 100)}), median ${median(stalls)} ms (goal ≤ 50: ${verdict(median(stalls) <= 50)})`);
console.log(`busy:  worst ${Math.max(...busy)} ms (goal ≤ 100: ${verdict(Math.max(...busy) <= 100)}), median ${median(busy)} ms (goal ≤ 50: ${verdict(median(busy) <= 50)})`);
