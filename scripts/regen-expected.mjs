#!/usr/bin/env node
// `npm run examples:expected [ID...]`: regenerates content/examples/<id>/expected.txt
// from CPython, by running each example.py on the virtual clock
// (tests/harness/run_virtual.py). With no ids, every example is regenerated.
// It prints which files changed, so a reviewer can read the diff in git.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = "content/examples";
const HARNESS = "tests/harness/run_virtual.py";
const python = process.env.PYTHON ?? "python3";

function version() {
  try {
    return execFileSync(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], {
      encoding: "utf8",
    }).trim();
  } catch {
    return null;
  }
}

const v = version();
if (v === null) {
  console.error(`${python} was not found: expected.txt comes from CPython 3.11 or later (set PYTHON=...)`);
  process.exit(1);
}
const [major, minor] = v.split(".").map(Number);
if (major < 3 || (major === 3 && minor < 11)) {
  console.error(`${python} is Python ${v}; expected.txt must come from CPython 3.11 or later`);
  process.exit(1);
}

const all = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const asked = process.argv.slice(2);
const unknown = asked.filter((id) => !all.includes(id));
if (unknown.length > 0) {
  console.error(`no such example: ${unknown.join(", ")} (folders live in ${ROOT}/)`);
  process.exit(1);
}
const ids = asked.length > 0 ? asked : all;

let changed = 0;
let failed = 0;
for (const id of ids) {
  const source = join(ROOT, id, "example.py");
  const target = join(ROOT, id, "expected.txt");
  if (!existsSync(source)) {
    console.error(`  missing  ${source}`);
    failed++;
    continue;
  }
  let out;
  try {
    out = execFileSync(python, [HARNESS, source], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
      timeout: 60_000,
    });
  } catch (e) {
    console.error(`  FAILED   ${source}\n${e.stderr ?? e.message}`);
    failed++;
    continue;
  }
  const before = existsSync(target) ? readFileSync(target, "utf8") : null;
  if (before === out) {
    console.log(`  same     ${target}`);
  } else {
    writeFileSync(target, out);
    console.log(`  ${before === null ? "created" : "CHANGED"}  ${target}`);
    changed++;
  }
}
console.log(`\n${ids.length} examples (Python ${v}): ${changed} changed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
