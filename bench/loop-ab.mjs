#!/usr/bin/env node
// bench/loop-ab.mjs: the loop library against itself, A/B, on the six workloads of
// bench/loop.mjs (library side only, so it is quick and both sides share whatever load
// the machine has).
//
//   node bench/loop-ab.mjs [--rounds 3] [--reps 3] [--only w1,w6] [--before DIR]
//
// Builds (each bundled by esbuild from bench/loop/workloads.ts):
//   current      src/asyncio as it is on disk
//   before       DIR (a copy of src/asyncio from another commit), with --before DIR
//   observer     current, run with --observer: a counting observer on every loop
//   no-observer  current with every `X._observer !== null` test replaced by `false` (and
//                `=== null` by `true`) in the bundle only (esbuild then drops the observer branches): the
//                library as if the observer code had never been written
// Rounds alternate the builds (current, before, observer, no-observer, current, ...),
// each build in a fresh process doing --reps runs per workload; per build and workload
// it prints the best and median wall time over all runs and the ratio to `current`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { bundleWorkloads, median, opt, root } from "./loop/shared.mjs";

const rounds = Number(opt("--rounds", "3"));
const reps = Number(opt("--reps", "3"));
const only = opt("--only", "w1,w2,w3,w4,w5,w6");
const beforeDir = opt("--before", null);

const tmp = mkdtempSync(join(tmpdir(), "loop-ab-"));

/** Bundle the workloads against the library in `libDir`; `stripObserver` as above. */
async function bundle(name, libDir, stripObserver) {
  let stripped = 0;
  const patch = stripObserver ? {
    file: /[\\/]asyncio[\\/][^\\/]+\.ts$/,
    transform: (src) => src
      .replace(/\b[\w.]*_observer !== null/g, () => (stripped++, "false"))
      .replace(/\b[\w.]*_observer === null/g, () => (stripped++, "true")),
  } : null;
  const { outfile } = await bundleWorkloads(join(tmp, `${name}.mjs`), libDir, patch);
  if (stripObserver && stripped === 0) throw new Error("strip-observer: no `_observer !== null` test found");
  return { name, outfile, args: [], stripped };
}

const builds = [await bundle("current", join(root, "src/asyncio"), false)];
if (beforeDir) builds.push(await bundle("before", resolve(beforeDir), false));
builds.push({ ...builds[0], name: "observer", args: ["--observer"] });
builds.push(await bundle("no-observer", join(root, "src/asyncio"), true));

const walls = new Map(builds.map((b) => [b.name, {}]));
console.log(`# loop library A/B: ${builds.map((b) => b.name).join(", ")}; ${rounds} rounds × ${reps} runs; load ${loadavg()[0].toFixed(1)}`);
const noObs = builds.find((b) => b.name === "no-observer");
console.log(`no-observer: ${noObs.stripped} observer tests replaced by false`);
for (let r = 0; r < rounds; r++) {
  for (const b of builds) {
    const p = spawnSync("node", ["--expose-gc", b.outfile, "--reps", String(reps), "--only", only, ...b.args],
      { encoding: "utf8", maxBuffer: 16 << 20 });
    if (p.status !== 0) throw new Error(`${b.name}: exit ${p.status}: ${p.stderr.slice(-400)}`);
    const out = JSON.parse(p.stdout.trim().split("\n").pop());
    if (b.name === "observer" && !(out.observed > 0)) throw new Error("observer build saw no events");
    for (const [w, res] of Object.entries(out.results)) {
      const key = w === "w5" ? "cpu" : "wall";
      (walls.get(b.name)[w] ??= []).push(...res.samples.map((s) => s[key]));
    }
  }
}
const fmt = (s) => `${(s * 1000).toFixed(1)} ms`;
const base = walls.get("current");
console.log(`\n| workload | ${builds.map((b) => b.name).join(" | ")} |`);
console.log(`|---|${builds.map(() => "---:").join("|")}|`);
for (const w of Object.keys(base)) {
  const cells = builds.map((b) => {
    const xs = walls.get(b.name)[w];
    const best = Math.min(...xs);
    const ratio = b.name === "current" ? "" : ` (${(best / Math.min(...base[w])).toFixed(2)}×)`;
    return `${fmt(best)} / ${fmt(median(xs))}${ratio}`;
  });
  console.log(`| ${w}${w === "w5" ? " (CPU)" : ""} | ${cells.join(" | ")} |`);
}
console.log("\ncells: best / median time over all runs (lower is faster); (×) best time ÷ current's best");
console.log(`load ${loadavg()[0].toFixed(1)} at end`);
rmSync(tmp, { recursive: true, force: true });
