#!/usr/bin/env node
// bench/lighthouse.mjs: Lighthouse scores of every built page (see bench/lighthouse.ts).
//   node bench/lighthouse.mjs [--only asyncio/,playground/]   (after `npm run build`)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const r = spawnSync("npx", ["tsx", "bench/lighthouse.ts", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(r.status ?? 1);
