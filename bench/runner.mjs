#!/usr/bin/env node
// bench/runner.mjs: click Run → first output line, in Chromium over the built site.
//
//   node bench/runner.mjs        (builds first if dist/ is missing)
//
// The measuring code is TypeScript (it shares tests/browser/lib.ts with the browser
// tests), so this file only starts bench/runner.ts under tsx. A benchmark reports: it
// exits 0 whether targets are met or missed.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const r = spawnSync("npx", ["tsx", "bench/runner.ts", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
