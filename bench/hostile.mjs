#!/usr/bin/env node
// bench/hostile.mjs: the hostile-input table (tests/browser/hostile-cases.ts), each case
// run in Chromium over the built site, reporting the longest main-thread stall of the
// page while it ran. Goals: worst ≤ 100 ms, median ≤ 50 ms over the table.
//
//   node bench/hostile.mjs        (needs dist/: npm run build)
//
// The measuring code is TypeScript (it shares the browser tests' helpers), so this file
// only starts bench/hostile.ts under tsx. A benchmark reports: it exits 0 either way.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const r = spawnSync("npx", ["tsx", "bench/hostile.ts", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
