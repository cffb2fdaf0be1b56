#!/usr/bin/env node
// bench/typecheck.mjs: the editor's type service, first keystroke → first diagnostics
// (cold and warm), its downloads, and Run latency while it checks; in Chromium over the
// built site. The measuring code is bench/typecheck.ts, started here under tsx.
// A benchmark reports: it exits 0 whether targets are met or missed.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const r = spawnSync("npx", ["tsx", "bench/typecheck.ts", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
