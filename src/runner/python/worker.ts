/**
 * The Python sandbox's runtime: runs inside a Web Worker started from a `data:` URL (an
 * opaque origin), like the TypeScript one (../worker.ts). The page hands it, at boot,
 * a `MessagePort` and Pyodide's glue, which it evaluates while the page still compiles
 * the wasm; the binaries follow over the port (the wasm compiled). It starts CPython,
 * installs the runner's Python (host.ts's RUNNER_MODULES), says ready, then
 * compiles code on request (syntax checks) and runs one program.
 *
 * The reader's program can reach this worker's globals (`import js`), so the port is
 * kept in this module's closure and the global `postMessage` is made inert before
 * Pyodide starts: nothing the program does reaches the page, which listens on the port
 * alone (and checks every message there).
 *
 * Nothing is fetched: the few URLs Pyodide's loader asks for are answered from the
 * files the page sent (`fetch` is replaced for the loader's start, then removed).
 *
 * Built by src/runner/build/ into `_runner/python.js`; the page never imports it.
 */
import { loadPyodide, type PyodideInterface } from "pyodide";
import loop from "./loop.py";
import program from "./program.py";
import report from "./report.py";
import trace from "./trace.py";
import { checkSyntax, crashFailure, exitStatus, installRunner, makeWait, runProgram } from "./host";
import { BOOT_GLOBAL, BOOT_QUEUE } from "./boot-global";
import type { FromPythonWorker, PyodideBinaries, PythonBootMessage, ToPythonWorker } from "./protocol";

const scope = globalThis as unknown as Record<string, unknown>;
const boot = scope[BOOT_GLOBAL] as PythonBootMessage;
delete scope[BOOT_GLOBAL];
const port = boot.port;
const post = (message: FromPythonWorker): void => port.postMessage(message);
scope.postMessage = () => undefined;

const INDEX = "https://pyodide.invalid/";
const LOCK = {
  info: { arch: "wasm32", platform: "emscripten_3_1_46", version: "0.25.1", python: "3.11.3" },
  packages: {},
};

// Emscripten's glue defines `_createPyodideModule` on the global object; the loader then skips fetching it.
(0, eval)(boot.asmJs);

/**
 * The binaries, which the page posts to the worker (not over the port: Chromium cannot
 * send a WebAssembly.Module through a MessageChannel) once the wasm is compiled. The
 * bootstrap queued anything that came while this module loaded.
 */
const binaries = new Promise<PyodideBinaries>((resolve) => {
  const isBinaries = (data: unknown): data is PyodideBinaries => (data as Partial<PyodideBinaries> | null)?.type === "binaries";
  const queued = (scope[BOOT_QUEUE] as unknown[]).find(isBinaries);
  delete scope[BOOT_QUEUE];
  if (queued) return resolve(queued);
  scope.onmessage = (event: MessageEvent<unknown>) => {
    if (!isBinaries(event.data)) return;
    scope.onmessage = null;
    resolve(event.data);
  };
});

async function start(): Promise<PyodideInterface> {
  const files = await binaries;
  const realFetch = globalThis.fetch;
  const realStreaming = WebAssembly.instantiateStreaming;
  globalThis.fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith("python_stdlib.zip")) return new Response(files.stdlib);
    if (url.endsWith("pyodide-lock.json")) return new Response(JSON.stringify(LOCK));
    if (url.endsWith("pyodide.asm.wasm")) return new Response(new Uint8Array(0), { headers: { "content-type": "application/wasm" } });
    throw new TypeError(`the Python sandbox fetches nothing (${url})`);
  };
  WebAssembly.instantiateStreaming = async (_source, imports) => ({
    module: files.wasm,
    instance: await WebAssembly.instantiate(files.wasm, imports),
  });
  try {
    const py = await loadPyodide({ indexURL: INDEX, stdout: () => undefined, stderr: () => undefined });
    installRunner(py, { loop, report, trace, program });
    return py;
  } finally {
    globalThis.fetch = realFetch;
    WebAssembly.instantiateStreaming = realStreaming;
  }
}

let ran = false;

start().then(
  (py) => {
    const version = String(py.runPython("import sys; sys.version.split()[0]"));
    port.onmessage = (event: MessageEvent<ToPythonWorker>) => {
      const message = event.data;
      if (message.type === "check") {
        post({ type: "checked", id: message.id, problem: checkSyntax(py, message.code) });
      } else if (message.type === "run" && !ran) {
        ran = true;
        try {
          runProgram(py, message.code, { clock: message.clock, trace: message.trace, wait: makeWait(), post });
        } catch (error) {
          // os._exit(): the program ended the interpreter, as it may. Else CPython itself
          // failed (Pyodide's fatal error, the wasm stack overflowing).
          const status = exitStatus(error);
          post(status === null ? { type: "failed", failure: crashFailure(error) } : status === 0 ? { type: "done" } : { type: "done", status });
        }
      }
    };
    post({ type: "ready", version });
  },
  (error: unknown) => post({ type: "failed", failure: { key: "runtimeFailed", detail: String(error) } }),
);
