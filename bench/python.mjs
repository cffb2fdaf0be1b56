#!/usr/bin/env node
// bench/python.mjs: click Run on the Python tab → first output line (cold, throttled,
// warm), in Chromium over the built site. Starts bench/python.ts under tsx.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const r = spawnSync("npx", ["tsx", "bench/python.ts", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
