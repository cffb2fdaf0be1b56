/**
 * The standard library the Python runner ships: Pyodide's `python_stdlib.zip` with
 * bytecode added for every module a Run imports (./precompile_stdlib.py says how and
 * why). Made at build time by Pyodide's own CPython, in Node, on a worker thread so
 * Astro's rendering keeps the main thread; cached under node_modules/.cache by the
 * hash of everything it depends on, so only a fresh clone pays (about 3 s).
 *
 * Served as `_runner/pyodide-<v>/python_stdlib.zip` in place of the package's file:
 * Pyodide loads it from the same path, so nothing else changes.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { listExampleIds, loadExample } from "../../lib/examples";
import { RUNNER_MODULES } from "../python/host";
import { PYTHON_LIMITS } from "../python/protocol";
import { pyodideDir } from "./python-files";
import { twinsCache } from "./prebuild";

export interface PrecompiledStdlib {
  zip: Buffer;
  /** The entries that got bytecode (`asyncio/tasks.pyc`, …). */
  precompiled: string[];
}

interface Job {
  pyodide: string;
  indexURL: string;
  zip: Uint8Array;
  script: string;
  runner: Record<string, string>;
  limits: Record<string, number>;
  examples: string[];
}

/**
 * Runs on the worker thread (as text: `eval: true`), so it is plain JavaScript: loads
 * Pyodide, hands the script its inputs as globals, runs it, posts the new zip back.
 */
const WORKER = `
const { parentPort, workerData: job } = require("node:worker_threads");
(async () => {
  const { loadPyodide } = await import(job.pyodide);
  const py = await loadPyodide({ indexURL: job.indexURL, stdout: () => {}, stderr: () => {} });
  py.FS.writeFile("/tmp/source.zip", job.zip);
  py.FS.mkdirTree("/asyncio_notes");
  for (const [name, text] of Object.entries(job.runner)) py.FS.writeFile("/asyncio_notes/asyncio_notes_" + name + ".py", text);
  const globals = py.toPy({
    SOURCE_ZIP: "/tmp/source.zip",
    OUTPUT_ZIP: "/tmp/output.zip",
    RUNNER_DIR: "/asyncio_notes",
    LIMITS: job.limits,
    EXAMPLES: job.examples,
  });
  py.runPython(job.script, { globals });
  const precompiled = globals.get("PRECOMPILED").toJs();
  const zip = py.FS.readFile("/tmp/output.zip");
  parentPort.postMessage({ zip, precompiled }, [zip.buffer]);
})().catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

function job(root: string): Job {
  const dir = pyodideDir();
  const python = join(root, "src/runner/python");
  return {
    pyodide: pathToFileURL(join(dir, "pyodide.mjs")).href,
    indexURL: `${dir}/`,
    zip: readFileSync(join(dir, "python_stdlib.zip")),
    script: readFileSync(join(root, "src/runner/build/precompile_stdlib.py"), "utf8"),
    runner: Object.fromEntries(RUNNER_MODULES.map((name) => [name, readFileSync(join(python, `${name}.py`), "utf8")])),
    limits: { ...PYTHON_LIMITS },
    examples: listExampleIds(root).map((id) => loadExample(id, root).py),
  };
}

function cacheKey(input: Job): string {
  const hash = createHash("sha256");
  hash.update(input.zip);
  for (const text of [input.script, ...Object.values(input.runner), JSON.stringify(input.limits), ...input.examples]) {
    hash.update(`\0${text}`);
  }
  return hash.digest("hex").slice(0, 16);
}

function generate(input: Job): Promise<PrecompiledStdlib> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: input });
    worker.once("message", (message: { zip?: Uint8Array; precompiled?: string[]; error?: string }) => {
      void worker.terminate();
      if (message.zip && message.precompiled) resolve({ zip: Buffer.from(message.zip), precompiled: message.precompiled });
      else reject(new Error(`precompiling Pyodide's standard library failed: ${message.error ?? "no answer"}`));
    });
    worker.once("error", reject);
  });
}

const inFlight = new Map<string, Promise<PrecompiledStdlib>>();

/**
 * The standard library zip with bytecode, from the cache when a build made it before.
 * @example
 * const { zip } = await precompiledStdlib(repoRoot()); // write it as python_stdlib.zip
 */
export function precompiledStdlib(root: string): Promise<PrecompiledStdlib> {
  const input = job(root);
  const key = cacheKey(input);
  let result = inFlight.get(key);
  if (!result) {
    result = fromCacheOrGenerate(input, key, twinsCache(root));
    inFlight.set(key, result);
    result.catch(() => inFlight.delete(key));
  }
  return result;
}

async function fromCacheOrGenerate(input: Job, key: string, cacheDir: string): Promise<PrecompiledStdlib> {
  const zipPath = join(cacheDir, `stdlib-${key}.zip`);
  const listPath = join(cacheDir, `stdlib-${key}.json`);
  if (existsSync(zipPath) && existsSync(listPath)) {
    return { zip: readFileSync(zipPath), precompiled: JSON.parse(readFileSync(listPath, "utf8")) as string[] };
  }
  const made = await generate(input);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(zipPath, made.zip);
  writeFileSync(listPath, JSON.stringify(made.precompiled));
  return made;
}
