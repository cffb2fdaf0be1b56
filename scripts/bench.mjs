#!/usr/bin/env node
// `npm run bench`: every benchmark, each printing its own table.
//   bench/loop.mjs    the loop library against CPython asyncio and uvloop
//   bench/site.mjs    page weight (JS transferred) and build time, in Chromium
//   bench/runner.mjs  click Run → first output line, in Chromium
//   bench/hostile.mjs the hostile-input table: longest page stall per attack, in Chromium
//   bench/lighthouse.mjs  Lighthouse scores of every page (mobile, served with compression)
//   bench/python.mjs  Run Python → first output line (cold, throttled, warm), in Chromium
//   bench/typecheck.mjs  the editor's type service: keystroke → diagnostics, bytes, Run while checking
// Benchmarks report; they never fail the build. `npm run bench -- loop` runs one.
import { spawnSync } from "node:child_process";

const all = ["loop", "site", "runner", "hostile", "lighthouse", "typecheck", "python"];
const only = process.argv.slice(2).filter((a) => all.includes(a));
for (const name of only.length ? only : all) {
  console.log(`\n##### bench/${name}.mjs`);
  const r = spawnSync("node", [`bench/${name}.mjs`], { stdio: "inherit" });
  if (r.status !== 0) console.error(`bench/${name}.mjs exited with ${r.status ?? r.signal}`);
}
