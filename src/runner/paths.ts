/**
 * Where the runner's files live on the built site: one directory, `_runner/`, under the
 * site's base path (src/runner/build/prebuild.ts writes it; the page reads it).
 *
 *   const paths = runnerPaths("/notes/", "lx2k");
 *   paths.sandbox();            // "/notes/_runner/sandbox.js?v=lx2k"
 *   paths.prebuilt("gen", "ab") // "/notes/_runner/examples/gen.js?v=ab-lx2k"
 *
 * The file names (`RUNNER_FILES`) are shared with the build, so the two never disagree.
 */

/** The runner's directory under the site root. */
export const RUNNER_DIR = "_runner";

/** The runner's files, relative to RUNNER_DIR. */
export const RUNNER_FILES = {
  sandbox: "sandbox.js",
  prebuilt: (id: string): string => `examples/${id}.js`,
  source: (id: string): string => `examples/${id}.ts`,
  /** An example's Python original (the playground's Python tab). */
  pythonSource: (id: string): string => `examples/${id}.py`,
  wasm: (version: string): string => `esbuild-${version}.wasm`,
  /** The Python sandbox runtime (src/runner/python/worker.ts, with Pyodide's loader and the runner's Python). */
  python: "python.js",
  /** One of Pyodide's files (pyodide.asm.js, pyodide.asm.wasm, python_stdlib.zip), versioned by folder. */
  pyodide: (file: string): string => `pyodide-${PYODIDE_VERSION}/${file}`,
} as const;

/** The Pyodide the build copies (the npm package's exact pin): CPython 3.11.3. */
export const PYODIDE_VERSION = "0.25.1";

/** Pyodide's files the Python runner fetches, and nothing else of the package. */
export const PYODIDE_FILES = ["pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip"] as const;

export interface RunnerPaths {
  /** The sandbox runtime (./worker.ts, built), stamped with the build. */
  sandbox(): string;
  /** An example's prebuilt bundle, stamped with its hash and the build. */
  prebuilt(id: string, hash: string): string;
  /** An example's TypeScript source (the playground's `?example=<id>`). */
  source(id: string): string;
  /** An example's Python original (the playground's `?example=<id>`, Python tab). */
  pythonSource(id: string): string;
  /** esbuild-wasm's binary (versioned by name, so never stamped). */
  wasm(version: string): string;
  /** The Python sandbox runtime, stamped with the build. */
  python(): string;
  /** One of Pyodide's files (versioned by folder, so never stamped). */
  pyodide(file: string): string;
}

/** The runner's URLs for a site at `base` (ends in "/"), from build `stamp`. */
export function runnerPaths(base: string, stamp: string): RunnerPaths {
  const dir = `${base.replace(/\/?$/, "/")}${RUNNER_DIR}/`;
  const v = encodeURIComponent(stamp);
  return {
    sandbox: () => `${dir}${RUNNER_FILES.sandbox}?v=${v}`,
    prebuilt: (id, hash) => `${dir}${RUNNER_FILES.prebuilt(id)}?v=${encodeURIComponent(hash)}-${v}`,
    source: (id) => `${dir}${RUNNER_FILES.source(id)}?v=${v}`,
    pythonSource: (id) => `${dir}${RUNNER_FILES.pythonSource(id)}?v=${v}`,
    wasm: (version) => `${dir}${RUNNER_FILES.wasm(version)}`,
    python: () => `${dir}${RUNNER_FILES.python}?v=${v}`,
    pyodide: (file) => `${dir}${RUNNER_FILES.pyodide(file)}`,
  };
}
