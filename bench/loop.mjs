#!/usr/bin/env node
// bench/loop.mjs: the loop library (src/asyncio) against CPython's asyncio and uvloop.
//
//   node bench/loop.mjs [--reps 5] [--only w1,w3] [--scale 1] [--no-host-yields] [--loaded]
//                       [--timeout SECONDS per side and workload; 180, or 900 with --loaded]
//
// --loaded starts two CPU-bound helper processes (`node -e "for(;;);"`, one per core on
// this 2-core machine) before the first measurement and stops them at the end, so both
// sides run under the same load; the targets are then ≥ 7× CPython.
//
// Six workloads (bench/loop/workloads.ts and its twin bench/loop/workloads.py, step for
// step the same), each run in its own process per side; each process repeats the
// workload --reps times on a fresh loop (real clock, running flat out) and checks its
// own result (a wrong count exits non-zero and shows as ERROR, never as a rate).
//
// Reported: the BEST of the runs (fastest wall time; the first, cold run included; on
// a shared machine other processes only ever add time, so the fastest run is the one
// least disturbed), with the median beside it. Workload 5 waits up to 50 ms for its
// timers, so it is reported per CPU second (process.cpuUsage() / time.process_time()).
// A cross-check line gives every ratio by median CPU time too (note: Node's CPU time
// also counts its GC and compiler threads, CPython's is one thread).
//
// The TypeScript side is bundled with native esbuild (bare `asyncio` aliased to
// src/asyncio/index.ts, platform node, ESM, not minified) into a temp .mjs and run with
// plain `node --expose-gc` (each run starts after gc(), as each Python run starts after
// gc.collect()). The Python side runs on the fastest CPython 3 found (/usr/bin/python3,
// python3 on PATH, $PYTHON), chosen by a short trial run.
//
// Targets (issue 14): library ≥ 10× CPython asyncio and ≥ 3× uvloop on every workload,
// by best run and by median run; ≥ 7× CPython with --loaded. A benchmark reports: it
// exits 0 whether targets pass or miss.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, realpathSync, existsSync } from "node:fs";
import { tmpdir, loadavg, cpus } from "node:os";
import { join } from "node:path";
import { best, bundleWorkloads, median, opt, root } from "./loop/shared.mjs";

const pyFile = join(root, "bench/loop/workloads.py");
const started = performance.now();

const reps = Number(opt("--reps", "5"));
const scale = Number(opt("--scale", "1"));
const only = opt("--only", "w1,w2,w3,w4,w5,w6").split(",");
const loaded = process.argv.includes("--loaded");
const measureHostYields = !process.argv.includes("--no-host-yields") && !loaded;
const TARGET_CPY = loaded ? 7 : 10;
// One side's process (all its runs of one workload) may take this long; under --loaded
// CPython's 5 runs of w1 alone can exceed 3 minutes on a busy 2-core machine.
const sideTimeoutMs = Number(opt("--timeout", loaded ? "900" : "180")) * 1000;
const TARGET_UV = loaded ? null : 3;

// --loaded: two busy helpers, started now, stopped on exit (by their own pids).
const helpers = [];
if (loaded) {
  for (let i = 0; i < 2; i++) helpers.push(spawn(process.execPath, ["-e", "for(;;);"], { stdio: "ignore" }));
  process.on("exit", () => { for (const h of helpers) h.kill("SIGKILL"); });
}

const WORKLOADS = {
  w1: { title: "call_soon chain (1M, each schedules the next)", perCpu: false },
  w2: { title: "call_soon × 1M queued up front, then run", perCpu: false },
  w3: { title: "10k tasks × 100 `sleep(0)`", perCpu: false },
  w4: { title: "future chain (200k, done-callback resolves next)", perCpu: false },
  w5: { title: "200k `call_later`, delays in [0, 50 ms)", perCpu: true },
  w6: { title: "gather of 100k trivial coroutines", perCpu: false },
};
for (const name of only) if (!WORKLOADS[name]) throw new Error(`unknown workload ${name}`);

/** Runs a command; returns { json } parsed from its stdout's last line, or { error }. */
function runJson(cmd, args, timeoutMs = sideTimeoutMs) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", timeout: timeoutMs, maxBuffer: 16 << 20 });
  if (r.error) return { error: String(r.error.message ?? r.error) };
  if (r.status !== 0) {
    const why = (r.stderr || r.stdout || "").trim().split("\n").slice(-4).join(" | ");
    return { error: `exit ${r.status ?? r.signal}: ${why}` };
  }
  const lines = r.stdout.trim().split("\n");
  try {
    return { json: JSON.parse(lines[lines.length - 1]) };
  } catch {
    return { error: `no JSON on stdout: ${r.stdout.slice(-300)}` };
  }
}

/** Rates of one side for one workload: best and median, by its own measure, and by CPU. */
function rate(name, res) {
  if (!res || res.error) return null;
  const key = WORKLOADS[name].perCpu ? "cpu" : "wall";
  const secs = res.samples.map((s) => s[key]);
  const cpu = res.samples.map((s) => s.cpu);
  return {
    best: res.ops / best(secs),
    median: res.ops / median(secs),
    cpuMedian: res.ops / median(cpu),
    spread: [best(secs), Math.max(...secs)],
  };
}

function fmtRate(x) {
  if (x == null) return "—";
  if (x >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(0)}k`;
  return x.toFixed(0);
}
const fmtRatio = (x) => (x == null ? "—" : `${x.toFixed(x >= 10 ? 1 : 2)}×`);
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;

// ---------------------------------------------------------------- Python side
function pythonCandidates() {
  const names = [process.env.PYTHON, "/usr/bin/python3", "python3"].filter(Boolean);
  const seen = new Map();
  for (const name of names) {
    const r = spawnSync(name, ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
    if (r.status !== 0) continue;
    const exe = r.stdout.trim();
    let key = exe;
    try { key = realpathSync(exe); } catch { /* keep exe */ }
    if (!seen.has(key)) seen.set(key, exe);
  }
  return [...seen.values()];
}

/** Two short trial runs (all six workloads at 1/5 scale) per interpreter; least CPU wins. */
function pickPython() {
  const trials = [];
  for (const exe of pythonCandidates()) {
    let secs = Infinity;
    let info = null;
    for (let i = 0; i < 2; i++) {
      const r = runJson(exe, [pyFile, "--loop", "asyncio", "--reps", "1", "--scale", "0.2"]);
      if (r.error) { info = { error: r.error }; secs = Infinity; break; }
      info = r.json;
      secs = Math.min(secs, Object.values(r.json.results).reduce((a, w) => a + w.samples[0].cpu, 0));
    }
    trials.push({ exe, secs, info });
  }
  const ok = trials.filter((t) => Number.isFinite(t.secs)).sort((a, b) => a.secs - b.secs);
  return { trials, chosen: ok[0] ?? null };
}

function uvloopVersion(exe) {
  const r = spawnSync(exe, ["-c", "import uvloop; print(uvloop.__version__)"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ---------------------------------------------------------------- library side
// A variant bundle rewrites one piece of the library's source in the bundle only (never
// on disk), to measure what the 10 ms host-yield rule costs:
//   "no-yield": HOST_YIELD_INTERVAL_MS (clock.ts) = 1e12, so the loop still reads the
//               clock (every `_turnsPerCheck` turns, tuned to about once per ms) but
//               never hands control back to the host;
//   "no-check": the countdown test in HostLoop._pump (host-loop.ts) is `if (false)`,
//               so the loop neither reads the clock between turns nor yields.
// (So "normal" below means: read the clock about once per ms, yield every 10 ms.)
const VARIANTS = {
  "no-yield": { file: /[\\/]src[\\/]asyncio[\\/]clock\.ts$/, from: /(HOST_YIELD_INTERVAL_MS\s*=\s*)10\b/, to: "$11e12" },
  "no-check": { file: /[\\/]src[\\/]asyncio[\\/]host-loop\.ts$/, from: /if \(--turnsLeft === 0\)/, to: "if (false)" },
};

async function bundleLibrary(variant = null) {
  if (!existsSync(join(root, "src/asyncio/index.ts"))) return { error: "src/asyncio/index.ts does not exist yet" };
  const dir = mkdtempSync(join(tmpdir(), "loop-bench-"));
  const outfile = join(dir, `workloads${variant ? "-" + variant : ""}.mjs`);
  const v = variant ? VARIANTS[variant] : null;
  const patch = v === null ? null : { file: v.file, transform: (src) => src.replace(v.from, v.to) };
  let changed;
  try {
    ({ changed } = await bundleWorkloads(outfile, undefined, patch));
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { error: `esbuild: ${String(e.message ?? e).split("\n").slice(0, 3).join(" | ")}` };
  }
  if (v !== null && changed === 0) {
    rmSync(dir, { recursive: true, force: true });
    return { error: `variant ${variant}: ${v.from} not found in the library source (it changed; update VARIANTS)` };
  }
  return { dir, outfile };
}

// ---------------------------------------------------------------- main
const load0 = loadavg()[0];
console.log(`# Loop library vs CPython asyncio vs uvloop`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model?.trim() ?? "?"}, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} at start`);
console.log(`method: each workload in its own process per side, ${reps} runs on a fresh loop each; the table gives the`);
console.log(`        best run (median beside it below); w5 per CPU second, the rest per wall second.`);
if (loaded) console.log(`LOADED: two CPU-bound helper processes (pids ${helpers.map((h) => h.pid).join(", ")}) run during every measurement`);
if (scale !== 1) console.log(`        SCALED: every workload size × ${scale} (the titles give the full sizes)`);
console.log("");

const py = pickPython();
for (const t of py.trials) {
  const v = t.info?.version ?? "?";
  console.log(`python trial: ${t.exe} (${v}): ${Number.isFinite(t.secs) ? t.secs.toFixed(3) + " s CPU at 1/5 scale (best of 2)" : t.info?.error}`);
}
const pyExe = py.chosen?.exe ?? null;
const pyInfo = py.chosen?.info ?? null;
if (pyExe) {
  console.log(`CPython: ${pyExe} ${pyInfo.version} (the faster one); C accelerator in use: ` +
    `asyncio.futures.Future is _asyncio.Future → ${pyInfo.cFuture}, asyncio.tasks.Task is _asyncio.Task → ${pyInfo.cTask}`);
} else {
  console.log(`CPython: not available (every candidate failed)`);
}
// uvloop: on the chosen interpreter, else on any candidate that has it.
let uvExe = null;
let uvVer = null;
for (const exe of [pyExe, ...py.trials.map((t) => t.exe)].filter(Boolean)) {
  uvVer = uvloopVersion(exe);
  if (uvVer) { uvExe = exe; break; }
}
console.log(uvExe ? `uvloop: ${uvVer} on ${uvExe}` : "uvloop: not available");

const lib = await bundleLibrary();
console.log(lib.error ? `library: not available (${lib.error})` : `library: src/asyncio bundled by esbuild, run by node ${process.version}`);
console.log("");

const side = (label, ok, cmd, args, name) => {
  if (!ok) return { error: label };
  const r = runJson(cmd, args);
  return r.error ? { error: r.error } : r.json.results[name];
};
const results = {};
for (const name of only) {
  const common = ["--reps", String(reps), "--only", name, "--scale", String(scale)];
  const row = {
    lib: side(lib.error, !lib.error, "node", ["--expose-gc", lib.outfile, ...common], name),
    cpy: side("no CPython", !!pyExe, pyExe, [pyFile, "--loop", "asyncio", ...common], name),
    uv: side("uvloop not available", !!uvExe, uvExe, [pyFile, "--loop", "uvloop", ...common], name),
  };
  results[name] = row;
  const parts = Object.entries({ lib: "library", cpy: "CPython", uv: "uvloop" }).map(([k, label]) => {
    const r = rate(name, row[k]);
    if (!r) return `${label} ERROR (${row[k]?.error})`;
    return `${label} ${fmtRate(r.best)}/s best, ${fmtRate(r.median)}/s median (${ms(r.spread[0])}…${ms(r.spread[1])})`;
  });
  console.log(`${name} ${WORKLOADS[name].title}:\n    ${parts.join("\n    ")}`);
}

// ------------------------------------------------------------ host-yield cost
// The library hands control back to the host (setImmediate in Node) at least every
// 10 ms of running. On workload 1 (a million one-callback turns, the worst case for a
// per-turn check):
//  (a) a probe (bench/loop/host-probe.ts) wraps setImmediate and counts the host turns
//      the loop asks for and the time it is away in them; the loop's own counter
//      `_hostYields` (host-loop.ts) is read too;
//  (b) the normal bundle and the "no-yield" and "no-check" variants run in turn, three
//      rounds; each one's best run is compared: normal − no-yield = what the yields
//      cost, no-yield − no-check = what the clock reads between turns cost.
const hostYieldLines = [];
if (measureHostYields && !lib.error && only.includes("w1")) {
  const w1Args = ["--reps", String(reps), "--only", "w1", "--scale", String(scale)];
  const probe = runJson("node", ["--expose-gc", lib.outfile, ...w1Args, "--host-yields"]);
  if (probe.error) hostYieldLines.push(`(a) probe run failed: ${probe.error}`);
  else {
    const s = probe.json.results.w1.samples;
    const med = (f) => median(s.map(f));
    const wallMs = med((x) => x.wall * 1000);
    const count = med((x) => x.probe?.count ?? 0);
    const away = med((x) => x.probe?.awayMs ?? 0);
    const maxAway = Math.max(...s.map((x) => x.probe?.maxAwayMs ?? 0));
    const own = s.every((x) => typeof x.hostYields === "number")
      ? `loop._hostYields = ${med((x) => x.hostYields)}` : "the loop keeps no _hostYields counter";
    hostYieldLines.push(`(a) ${count} host yields per run of ${wallMs.toFixed(0)} ms (median of ${s.length}; ${own}); ` +
      `away from the loop ${away.toFixed(2)} ms per run, ${(away / Math.max(count, 1) * 1000).toFixed(0)} µs per yield ` +
      `(longest ${maxAway.toFixed(2)} ms) = ${(100 * away / wallMs).toFixed(2)}% of the run`);
  }
  const builds = { normal: lib };
  for (const v of Object.keys(VARIANTS)) builds[v] = await bundleLibrary(v);
  const walls = { normal: [], "no-yield": [], "no-check": [] };
  for (let round = 0; round < 3; round++) {
    for (const [v, b] of Object.entries(builds)) {
      if (b.error) continue;
      const r = runJson("node", ["--expose-gc", b.outfile, ...w1Args]);
      if (r.error) { b.error = r.error; continue; }
      walls[v].push(...r.json.results.w1.samples.map((x) => x.wall));
    }
  }
  for (const [v, b] of Object.entries(builds)) if (b.error) hostYieldLines.push(`(b) ${v}: ${b.error}`);
  const bst = (v) => (walls[v].length ? best(walls[v]) * 1000 : null);
  const [n, ny, nc] = [bst("normal"), bst("no-yield"), bst("no-check")];
  const sp = (v) => `${bst(v).toFixed(1)} ms best, ${(median(walls[v]) * 1000).toFixed(1)} ms median of ${walls[v].length}`;
  if (n !== null) hostYieldLines.push(`(b) normal (clock read ~1/ms, yield every 10 ms): ${sp("normal")}`);
  if (ny !== null) hostYieldLines.push(`    no-yield (clock read ~1/ms, never yield):      ${sp("no-yield")}`);
  if (nc !== null) hostYieldLines.push(`    no-check (no clock read, never yield):         ${sp("no-check")}`);
  const pct = (d, base) => `${d >= 0 ? "+" : ""}${d.toFixed(1)} ms (${d >= 0 ? "+" : ""}${(100 * d / base).toFixed(1)}%)`;
  if (n !== null && ny !== null) hostYieldLines.push(`    cost of the yields (normal − no-yield, best runs): ${pct(n - ny, ny)}`);
  if (ny !== null && nc !== null) hostYieldLines.push(`    cost of the clock reads (no-yield − no-check): ${pct(ny - nc, nc)}`);
  if (n !== null && nc !== null) hostYieldLines.push(`    whole rule (normal − no-check): ${pct(n - nc, nc)}`);
  for (const b of Object.values(builds)) if (b !== lib && b.dir) rmSync(b.dir, { recursive: true, force: true });
  console.log("\n## Host yields (the 10 ms rule), workload 1");
  for (const l of hostYieldLines) console.log(l);
}

// ----------------------------------------------------------------- summary
const rows = [];
const verdicts = [];
const cpuCheck = [];
for (const name of only) {
  const row = results[name];
  const L = rate(name, row.lib);
  const C = rate(name, row.cpy);
  const U = rate(name, row.uv);
  const rc = L && C ? L.best / C.best : null;
  const ru = L && U ? L.best / U.best : null;
  const rcm = L && C ? L.median / C.median : null;
  const rum = L && U ? L.median / U.median : null;
  const verdict = (best, med, target) => (target === null || best == null || med == null ? "—"
    : best >= target && med >= target ? "PASS" : "MISS");
  const tc = verdict(rc, rcm, TARGET_CPY);
  const tu = verdict(ru, rum, TARGET_UV);
  verdicts.push(`${name}: ≥${TARGET_CPY}× CPython (best and median) ${tc}` + (TARGET_UV ? `; ≥${TARGET_UV}× uvloop ${tu}` : ""));
  rows.push(`| ${WORKLOADS[name].title} | ${fmtRate(L?.best)} | ${fmtRate(C?.best)} | ${fmtRate(U?.best)} | ${fmtRatio(rc)} / ${fmtRatio(rcm)} | ${fmtRatio(ru)} / ${fmtRatio(rum)} | ${tc} | ${tu} |`);
  const m = (a, b) => (a && b ? fmtRatio(a.median / b.median) : "—");
  const c = (a, b) => (a && b ? fmtRatio(a.cpuMedian / b.cpuMedian) : "—");
  cpuCheck.push(`${name}: by median wall ÷CPython ${m(L, C)} ÷uvloop ${m(L, U)}; by median CPU time ÷CPython ${c(L, C)} ÷uvloop ${c(L, U)}`);
}

console.log("\n## Cross-check: the same ratios from the median run, and from CPU time");
for (const l of cpuCheck) console.log(l);
console.log(`\n## Targets: library ≥ ${TARGET_CPY}× CPython asyncio` + (TARGET_UV ? ` and ≥ ${TARGET_UV}× uvloop` : "") + ", by best and by median run");
for (const v of verdicts) console.log(v);

const cpyLabel = pyInfo ? `CPython ${pyInfo.version} asyncio` : "CPython asyncio";
const uvLabel = uvVer ? `uvloop ${uvVer}` : "uvloop";
console.log(`\n## Table (ops/s, best of ${reps} runs; ratios best / median; w5 per CPU second${loaded ? "; LOADED" : ""})\n`);
console.log(`| Workload | Library (Node ${process.version.slice(1)}) | ${cpyLabel} | ${uvLabel} | Library ÷ CPython | Library ÷ uvloop | ≥ ${TARGET_CPY}× CPython | ≥ ${TARGET_UV ?? "—"}× uvloop |`);
console.log(`|---|---:|---:|---:|---:|---:|:---:|:---:|`);
for (const r of rows) console.log(r);

if (lib.dir) rmSync(lib.dir, { recursive: true, force: true });
const load1 = loadavg()[0];
console.log(`\nload average ${load0.toFixed(2)} at start, ${load1.toFixed(2)} at end` +
  (Math.max(load0, load1) > cpus().length / 2 ? " — other processes were competing for the cores: expect noise" : ""));
console.log(`bench/loop.mjs took ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(0);
