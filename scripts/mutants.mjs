#!/usr/bin/env node
// Shows that the conformance suite has teeth: `node scripts/mutants.mjs`.
//
// It copies src/asyncio to a temporary directory, breaks the copy on purpose in
// one way at a time (text replacement), points tsx at the copy with a temporary
// tsconfig (TSX_TSCONFIG_PATH, `paths: { asyncio: copy/index.ts }`), runs every
// conformance scenario's TypeScript twin against it and compares with CPython's
// output. A mutant that no scenario notices "survives"; the script then exits 1.
// Every replacement asserts that its target text exists, so a library edit can
// never quietly turn a mutant into the unbroken library. A control run with an
// unmodified copy must pass completely first.
//
// Run by hand (about a minute on 2 cores); not part of `npm test`.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const LIB = join(ROOT, "src", "asyncio");
const SCENARIOS = join(ROOT, "tests", "conformance", "scenarios");
const HARNESS = join(ROOT, "tests", "harness", "run_virtual.py");
const RUN_TS = join(ROOT, "scripts", "run-ts.ts");
const PYTHON = process.env.PYTHON ?? "python3";
const PARALLEL = 2;
const MARK = "[asyncio-mutant-copy]";
const TIMEOUT_MS = Number(process.env.MUTANT_TIMEOUT_S ?? "60") * 1000;

/** One deliberate breakage: text replacements in the copy of src/asyncio. */
const MUTANTS = [
  {
    name: "lifo-ready-queue",
    about: "the ready queue puts new entries at the front (LIFO, where its first block has room) instead of the back (FIFO)",
    edits: [
      {
        file: "ready-queue.ts",
        find: `    this._tail.items[this._tailIndex++] = handle;
    this.size++;`,
        replace: `    if (this._headIndex > 0) this._head.items[--this._headIndex] = handle;
    else this._tail.items[this._tailIndex++] = handle;
    this.size++;`,
      },
      {
        file: "ready-queue.ts",
        find: `  pushCall(cb: Callback, arg: unknown): void {`,
        replace: `  pushCall(cb: Callback, arg: unknown): void {
    if (this._headIndex > 1) {
      this._head.items[--this._headIndex] = arg;
      this._head.items[--this._headIndex] = cb;
      this.size += 2;
      return;
    }`,
      },
    ],
  },
  {
    name: "timer-ties-reversed",
    about: "heap sifts move an item past an equal deadline (<= instead of heapq's <)",
    edits: [
      { file: "heap.ts", find: "if (newwhen < parentwhen) {", replace: "if (newwhen <= parentwhen) {" },
      {
        file: "heap.ts",
        find: "!(nodes[2 * childpos] < nodes[2 * rightpos])",
        replace: "!(nodes[2 * childpos] <= nodes[2 * rightpos])",
      },
    ],
  },
  {
    name: "done-callbacks-immediate",
    about: "done callbacks are called at once instead of being scheduled with callSoon",
    edits: [
      {
        file: "futures.ts",
        find: `    if (typeof cbs === "function") loop._callSoon(cbs, this);
    else for (let i = 0; i < cbs.length; i++) loop._callSoon(cbs[i], this);`,
        replace: `    void loop;
    if (typeof cbs === "function") (cbs as (f: unknown) => void)(this);
    else for (let i = 0; i < cbs.length; i++) (cbs[i] as (f: unknown) => void)(this);`,
      },
      {
        file: "futures.ts",
        find: "    if (this._state !== _PENDING) this._loop.callSoon(fn, this);",
        replace: "    if (this._state !== _PENDING) fn(this);",
      },
    ],
  },
  {
    name: "eager-task-start",
    about: "a new task runs its first step at once instead of via callSoon",
    edits: [{
      file: "tasks.ts",
      find: `    loop._callSoon(_taskStep, this);
    _registerTask(loop, this);`,
      replace: `    _registerTask(loop, this);
    _taskStep(this);`,
    }],
  },
];

function countOccurrences(text, find) {
  let n = 0;
  for (let i = text.indexOf(find); i !== -1; i = text.indexOf(find, i + find.length)) n++;
  return n;
}

/** A fresh copy of the library in `dir`, with `edits` applied and a load marker. */
function makeCopy(dir, edits) {
  const lib = join(dir, "asyncio");
  cpSync(LIB, lib, { recursive: true });
  for (const { file, find, replace } of edits) {
    const path = join(lib, file);
    const text = readFileSync(path, "utf8");
    const n = countOccurrences(text, find);
    if (n !== 1) {
      throw new Error(`mutation target in src/asyncio/${file} found ${n} times (expected exactly 1):\n${find}`);
    }
    writeFileSync(path, text.replace(find, () => replace));
  }
  // Proves at run time that the scenario loaded this copy, not src/asyncio.
  appendFileSync(join(lib, "index.ts"), `\n(globalThis as { process?: { stderr: { write(s: string): void } } }).process?.stderr.write(${JSON.stringify(MARK + "\n")});\n`);
  const tsconfig = join(dir, "tsconfig.json");
  writeFileSync(tsconfig, JSON.stringify({
    compilerOptions: {
      target: "ES2022", module: "ESNext", moduleResolution: "Bundler", strict: true,
      baseUrl: ".", paths: { asyncio: ["./asyncio/index.ts"] },
    },
  }, null, 2));
  return tsconfig;
}

function runTs(file, tsconfig) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", RUN_TS, file, "--clock", "virtual"], {
      cwd: ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: tsconfig },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    // Generous: on a loaded 2-core machine tsx alone can take 30 s to start a scenario.
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill("SIGKILL"); }, TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? signal, timedOut });
    });
  });
}

async function runAll(names, expected, tsconfig) {
  const failing = [];
  let next = 0;
  async function worker() {
    while (next < names.length) {
      const name = names[next++];
      const r = await runTs(join(SCENARIOS, `${name}.ts`), tsconfig);
      // A run killed after the copy loaded is a failing scenario (a mutant may hang it);
      // one killed before it even loaded means the machine is too busy to judge.
      if (r.timedOut && !r.stderr.includes(MARK)) {
        throw new Error(`${name}: not even started within ${TIMEOUT_MS / 1000} s (machine too busy? raise MUTANT_TIMEOUT_S)`);
      }
      if (!r.stderr.includes(MARK)) throw new Error(`${name}: the library copy was not loaded (tsconfig override failed)`);
      if (r.code !== 0 || r.stdout !== expected.get(name)) failing.push(name);
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return failing.sort();
}

const files = readdirSync(SCENARIOS);
const names = files.filter((f) => f.endsWith(".py")).map((f) => f.slice(0, -3))
  .filter((n) => files.includes(`${n}.ts`)).sort();
const started = Date.now();
console.log(`CPython expectations for ${names.length} scenarios...`);
const expected = new Map();
for (const name of names) {
  const r = spawnSync(PYTHON, [HARNESS, join(SCENARIOS, `${name}.py`)], {
    encoding: "utf8",
    env: { ...process.env, PYTHONHASHSEED: "0", PYTHONIOENCODING: "utf-8" },
  });
  if (r.status !== 0) {
    console.error(`${name}.py failed under ${PYTHON}:\n${r.stderr}`);
    process.exit(2);
  }
  expected.set(name, r.stdout);
}

let survivors = 0;
const work = mkdtempSync(join(tmpdir(), "asyncio-mutants-"));
try {
  const controlDir = join(work, "control");
  const control = await runAll(names, expected, makeCopy(controlDir, []));
  if (control.length > 0) {
    console.error(`control (unmodified copy) fails ${control.length}: ${control.join(", ")}`);
    console.error("fix these before judging mutants");
    process.exit(2);
  }
  console.log(`control: all ${names.length} scenarios pass on an unmodified copy`);
  for (const [i, m] of MUTANTS.entries()) {
    const failing = await runAll(names, expected, makeCopy(join(work, `m${i}`), m.edits));
    if (failing.length === 0) survivors++;
    const verdict = failing.length === 0 ? "SURVIVED" : `killed by ${failing.length}/${names.length}`;
    console.log(`\n${m.name}: ${verdict}\n  (${m.about})`);
    if (failing.length > 0) console.log(`  ${failing.join(", ")}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\n${MUTANTS.length - survivors}/${MUTANTS.length} mutants killed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(survivors > 0 ? 1 : 0);
