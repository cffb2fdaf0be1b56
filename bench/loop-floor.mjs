#!/usr/bin/env node
// bench/loop-floor.mjs: the physical limit on this machine for each workload of
// bench/loop.mjs, i.e. the same work done by the simplest JavaScript that could do it,
// next to the loop library doing it, in alternating fresh processes.
//
//   node bench/loop-floor.mjs [--rounds 3] [--reps 3]
//
// The floors (no asyncio semantics at all: no handles, no cancellation, no futures):
//   w1  1M callbacks, each pushes the next onto a FIFO (a ring over a 16-slot array)
//   w2  1M callbacks pushed onto a plain array up front, then shifted off and called
//   w3  10k generator objects, each resumed 100 times round-robin through a plain array
//   w4  200k plain objects in a chain: each one's callback, run from a FIFO, makes and
//       resolves the next
//   w5  200k deadlines (the bench's LCG delays) pushed onto a binary heap of numbers
//       (parallel index array), then popped in order; per CPU second like the bench
//   w6  100k generator objects created and each driven to its end in a loop
// Printed per workload: floor and library best/median time, and the library's speed as
// a share of the floor's (floor time ÷ library time), e.g. "w5: 62 % of a bare heap".
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join } from "node:path";
import { bundleWorkloads, median, opt } from "./loop/shared.mjs";

const rounds = Number(opt("--rounds", "3"));
const reps = Number(opt("--reps", "3"));
const tmp = mkdtempSync(join(tmpdir(), "loop-floor-"));

// The floor programs, one process runs them all --reps times and prints JSON like the
// workloads bundle: { results: { w1: { samples: [{ wall, cpu }] } } }.
const floorSrc = String.raw`
function lcgDelays(n, seed = 12345) {
  let state = seed >>> 0; const out = new Array(n);
  for (let i = 0; i < n; i++) { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; out[i] = (state / 4294967296) * 0.05; }
  return out;
}
function check(c, what) { if (!c) { console.error("floor check failed: " + what); process.exit(3); } }
const W = {
  w1() { // a FIFO of callbacks (a ring over a small plain array), each schedules the next
    const n = 1_000_000; const q = new Array(16).fill(null); let head = 0, tail = 0, count = 0;
    const cb = () => { count++; if (count < n) { q[tail] = cb; tail = (tail + 1) & 15; } };
    q[tail] = cb; tail = (tail + 1) & 15;
    while (head !== tail) { const f = q[head]; q[head] = null; head = (head + 1) & 15; f(); }
    check(count === n, "w1");
  },
  w2() { // 1M queued up front in a plain array, then run
    const n = 1_000_000; const q = []; let count = 0;
    const cb = () => { count++; };
    for (let i = 0; i < n; i++) q.push(cb);
    for (let i = 0; i < q.length; i++) { const f = q[i]; q[i] = null; f(); }
    check(count === n, "w2");
  },
  w3() { // 10k generators × 100 resumptions, round-robin
    const tasks = 10_000, steps = 100; let q = []; let total = 0;
    function* body() { for (let i = 0; i < steps; i++) { yield; total++; } }
    for (let i = 0; i < tasks; i++) q.push(body());
    while (q.length > 0) { const next = []; for (const g of q) if (!g.next().done) next.push(g); q = next; }
    check(total === tasks * steps, "w3");
  },
  w4() { // 200k plain futures in a chain: each one's callback, run from a FIFO ring, makes and resolves the next
    const n = 200_000; const q = new Array(16).fill(null); let head = 0, tail = 0, count = 0;
    const resolve = (f, v) => { f.value = v; if (f.cb !== null) { q[tail] = f; tail = (tail + 1) & 15; } };
    const cb = (f) => {
      count++;
      if (count < n) { const nxt = { value: 0, cb: null }; nxt.cb = cb; resolve(nxt, f.value + 1); }
    };
    resolve({ value: 0, cb }, 0);
    while (head !== tail) { const f = q[head]; q[head] = null; head = (head + 1) & 15; f.cb(f); }
    check(count === n, "w4");
  },
  w5() { // a binary heap of numbers: push 200k deadlines, pop all
    const d = delays; const n = d.length; const when = new Float64Array(n); const idx = new Int32Array(n); let size = 0;
    for (let k = 0; k < n; k++) {
      let pos = size++; const w = d[k];
      while (pos > 0) { const parent = (pos - 1) >> 1; if (w < when[parent]) { when[pos] = when[parent]; idx[pos] = idx[parent]; pos = parent; } else break; }
      when[pos] = w; idx[pos] = k;
    }
    let sum = 0, last = -1, popped = 0;
    while (size > 0) {
      const topW = when[0], topI = idx[0]; size--;
      const w = when[size], i = idx[size]; let pos = 0;
      for (;;) { let c = 2 * pos + 1; if (c >= size) break; if (c + 1 < size && when[c + 1] < when[c]) c++; if (when[c] < w) { when[pos] = when[c]; idx[pos] = idx[c]; pos = c; } else break; }
      when[pos] = w; idx[pos] = i;
      check(topW >= last, "w5 order"); last = topW; sum += topI; popped++;
    }
    check(popped === n && sum === (n * (n - 1)) / 2, "w5");
  },
  w6() { // 100k generator objects driven to their end
    const n = 100_000; function* triv(i) { return i; }
    const gens = new Array(n); for (let i = 0; i < n; i++) gens[i] = triv(i);
    const res = new Array(n); for (let i = 0; i < n; i++) res[i] = gens[i].next().value;
    let sum = 0; for (const v of res) sum += v; check(sum === (n * (n - 1)) / 2, "w6");
  },
};
const delays = lcgDelays(200_000);
const reps = Number(process.argv[2]);
const results = {};
for (const [name, f] of Object.entries(W)) {
  const samples = [];
  for (let r = 0; r < reps; r++) {
    globalThis.gc?.();
    const c0 = process.cpuUsage(); const t0 = performance.now();
    f();
    const t1 = performance.now(); const c = process.cpuUsage(c0);
    samples.push({ wall: (t1 - t0) / 1000, cpu: (c.user + c.system) / 1e6 });
  }
  results[name] = { samples };
}
console.log(JSON.stringify({ results }));
`;
const floorFile = join(tmp, "floor.mjs");
writeFileSync(floorFile, floorSrc);

const { outfile: libFile } = await bundleWorkloads(join(tmp, "workloads.mjs"));

const times = { floor: {}, library: {} };
for (let r = 0; r < rounds; r++) {
  for (const [side, args] of [["floor", [floorFile, String(reps)]], ["library", [libFile, "--reps", String(reps)]]]) {
    const p = spawnSync("node", ["--expose-gc", ...args], { encoding: "utf8", maxBuffer: 16 << 20 });
    if (p.status !== 0) throw new Error(`${side}: exit ${p.status}: ${p.stderr.slice(-400)}`);
    const out = JSON.parse(p.stdout.trim().split("\n").pop());
    for (const [w, res] of Object.entries(out.results)) {
      (times[side][w] ??= []).push(...res.samples.map((s) => (w === "w5" ? s.cpu : s.wall)));
    }
  }
}
const ms = (s) => `${(s * 1000).toFixed(1)} ms`;
const FLOOR = {
  w1: "16-slot ring of callbacks", w2: "plain array of callbacks", w3: "10k generators round-robin",
  w4: "chain of plain objects via a ring", w5: "binary heap of numbers", w6: "100k generators driven in a loop",
};
console.log(`# the floor: simplest JavaScript vs the loop library (${rounds} rounds × ${reps} runs, load ${loadavg()[0].toFixed(1)})\n`);
console.log("| workload | floor | floor best / median | library best / median | library ÷ floor speed (best) | (median) |");
console.log("|---|---|---:|---:|---:|---:|");
for (const w of Object.keys(FLOOR)) {
  const f = times.floor[w], l = times.library[w];
  const pct = (a, b) => `${(100 * a / b).toFixed(0)} %`;
  console.log(`| ${w}${w === "w5" ? " (CPU)" : ""} | ${FLOOR[w]} | ${ms(Math.min(...f))} / ${ms(median(f))} | ${ms(Math.min(...l))} / ${ms(median(l))} | ${pct(Math.min(...f), Math.min(...l))} | ${pct(median(f), median(l))} |`);
}
console.log(`\nload ${loadavg()[0].toFixed(1)} at end`);
rmSync(tmp, { recursive: true, force: true });
