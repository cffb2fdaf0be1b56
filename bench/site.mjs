#!/usr/bin/env node
// bench/site.mjs: how light the site stays, and how long it takes to build.
//
//   node bench/site.mjs [--builds 3] [--no-build]
//
// The measuring code is TypeScript (it shares tests/browser/lib.ts with the browser
// tests), so this file only starts bench/site.ts under tsx. See there for what is
// measured and how. A benchmark reports: it exits 0 whether budgets pass or miss.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const r = spawnSync("npx", ["tsx", "bench/site.ts", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
