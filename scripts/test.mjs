#!/usr/bin/env node
// `npm test`: every suite, in the order that lets a failure speak first.
//   1. the CPython harness checks itself (python3)
//   2. `astro sync` (content types), then the type checker over the library, tests, scripts and every example twin (strict)
//   3. the site build (Astro + Pagefind)
//   4. unit, conformance (CPython against the library), content, example and build-output
//      tests (Vitest; the build-output tests read dist/, so they come after the build)
//   5. browser tests on the built site (Chromium via playwright-core)
// It ends with one line "tests: N passed, N failed" summed over the Vitest suites.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";

const ci = process.env.CI === "true";
const results = ".tmp/test-results";
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;

function step(title, cmd, args, env = {}) {
  console.log(`\n=== ${title}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n${title} failed (exit ${r.status ?? r.signal})`);
    summary();
    process.exit(1);
  }
}

function count(file) {
  if (!existsSync(file)) return;
  const json = JSON.parse(readFileSync(file, "utf8"));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
}

function summary() {
  count(`${results}/unit.json`);
  count(`${results}/browser.json`);
  console.log(`\ntests: ${passed} passed, ${failed} failed`);
}

function hasPython() {
  const r = spawnSync(process.env.PYTHON ?? "python3", ["--version"], { stdio: "ignore" });
  return r.status === 0;
}

if (hasPython()) {
  step("CPython harness", process.env.PYTHON ?? "python3", ["tests/harness/test_virtual_loop.py"]);
} else if (ci) {
  console.error("CI=true and python3 is missing: apt-get install python3 (3.11 or later)");
  process.exit(1);
} else {
  console.warn("SKIPPING the CPython harness check: python3 not found (apt-get install python3)");
}
step("astro types", "npx", ["astro", "sync"]);
step("type check", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]);
step("build", "npm", ["run", "build"]);
step("unit, conformance, content, build output", "npx", [
  "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/unit.json`,
]);
step("browser", "npx", [
  "vitest", "run", "--config", "tests/browser/vitest.config.ts",
  "--reporter=default", "--reporter=json", `--outputFile.json=${results}/browser.json`,
]);
summary();
process.exit(failed > 0 ? 1 : 0);
