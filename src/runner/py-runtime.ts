/**
 * The Python runtime (./runtime.ts): the example's Python original, or the reader's
 * edit of it, on CPython 3.11.3 compiled to WebAssembly (Pyodide), in a sandboxed
 * worker (./python/sandbox.ts). Pyodide is fetched from the site's `_runner/` on the
 * first Python run, never before.
 *
 *   const py = createRuntime({ paths: runnerPaths("/", stamp), esbuildVersion: "0.28.2" });
 *   py.start({ language: "py", code, clock: "virtual", trace: false, prebuilt: null }, listen);
 */
import type { RuntimeFactory } from "./runtime";
import { checkPython, configurePythonSandbox, preparePython, startPythonRun } from "./python/sandbox";

export { checkPython };

export const createRuntime: RuntimeFactory = ({ paths }) => {
  configurePythonSandbox(paths);
  return {
    language: "py",
    prepare: preparePython,
    warm: preparePython,
    start: (request, listener) => startPythonRun(request.code, request.clock, request.trace, listener),
  };
};
