/**
 * The Python runner's files on the static site, built in Node:
 *
 *   _runner/python.js                 the Python sandbox runtime (src/runner/python/worker.ts)
 *                                     with Pyodide's loader and the runner's Python modules
 *   _runner/pyodide-<v>/<file>        Pyodide's glue and wasm, copied from node_modules/pyodide
 *                                     (the exact pin), and its standard library with bytecode
 *                                     added (./python-stdlib.ts), with .gz and .br twins like
 *                                     esbuild's wasm
 *
 * Nothing here is on any page: the page fetches these only when a reader runs Python.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { bundleWorker } from "../../lib/worker-bundle";
import { PYODIDE_FILES, PYODIDE_VERSION, RUNNER_FILES } from "../paths";
import { compressedTwins, twinsCache, write } from "./prebuild";
import { precompiledStdlib } from "./python-stdlib";

const require = createRequire(import.meta.url);

/** Node's modules, which Pyodide's loader imports only when it runs in Node. */
const NODE_ONLY = ["url", "fs", "fs/promises", "vm", "path", "crypto", "ws", "child_process", "node-fetch"];

/** The Python sandbox runtime as one minified ES module. */
export async function buildPythonRuntime(root: string): Promise<string> {
  return bundleWorker(join(root, "src/runner/python/worker.ts"), { loader: { ".py": "text" }, external: NODE_ONLY });
}

/** Where node_modules/pyodide is, and that it is the pinned version. */
export function pyodideDir(): string {
  const dir = dirname(require.resolve("pyodide/package.json"));
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
  if (version !== PYODIDE_VERSION) throw new Error(`node_modules/pyodide is ${version}; the runner expects ${PYODIDE_VERSION}`);
  return dir;
}

/**
 * One of PYODIDE_FILES as the site serves it: the package's file, except the standard
 * library, which gets bytecode (./python-stdlib.ts).
 */
export async function pyodideFile(root: string, file: (typeof PYODIDE_FILES)[number]): Promise<Buffer> {
  if (file === "python_stdlib.zip") return (await precompiledStdlib(root)).zip;
  return readFileSync(join(pyodideDir(), file));
}

/** Writes python.js and Pyodide's files into `dir` (the output's `_runner/`). Returns a summary. */
export async function writePythonFiles(root: string, dir: string): Promise<string> {
  const runtime = await buildPythonRuntime(root);
  write(join(dir, RUNNER_FILES.python), runtime);
  write(join(dir, `${RUNNER_FILES.python}.gz`), await promisify(gzip)(runtime, { level: 9 }));
  const sizes = await Promise.all(
    PYODIDE_FILES.map(async (file) => {
      const data = await pyodideFile(root, file);
      const twins = await compressedTwins(data, twinsCache(root));
      const name = RUNNER_FILES.pyodide(file);
      write(join(dir, name), data);
      write(join(dir, `${name}.gz`), twins.gz);
      write(join(dir, `${name}.br`), twins.br);
      return twins.br.length;
    }),
  );
  const brotli = sizes.reduce((a, b) => a + b, 0);
  return `python.js ${(runtime.length / 1024).toFixed(1)} KB, pyodide-${PYODIDE_VERSION}/ (${(brotli / 1048576).toFixed(1)} MB brotli)`;
}
