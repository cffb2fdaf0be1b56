/**
 * The JavaScript half of the Python runner, shared by the sandbox worker (./worker.ts)
 * and the Node tests: puts the runner's Python modules (RUNNER_MODULES) into a loaded
 * Pyodide and runs one program, reporting through `post`.
 *
 * Output is batched the way the TypeScript runner batches it: the first lines of every
 * 30 ms window go out at once (so `print("x"); while True: pass` still shows "x"), the
 * rest in batches; everything waiting goes out before the loop waits and at the end.
 */
import type { PyodideInterface } from "pyodide";
import type { TraceMessage } from "../../visualizer/bridge";
import { fitReport, type LimitName } from "../limits";
import type { Clock, CodeProblem, Failure, OutputLevel, OutputLine, RunError } from "../protocol";
import { PYTHON_LIMITS, type FromPythonWorker } from "./protocol";

/**
 * The runner's Python modules, by file in this folder: `loop.py` is imported as
 * `asyncio_notes_loop`, and so on.
 * - loop: the browser's event loop (a selector on the page's clock);
 * - report: what went wrong, as python3 reports it;
 * - trace: the loop's events for the visualizer;
 * - program: runs the reader's program with the other three.
 * @example
 * RUNNER_MODULES.map((name) => `${name}.py`); // ["loop.py", "report.py", "trace.py", "program.py"]
 */
export const RUNNER_MODULES = ["loop", "report", "trace", "program"] as const;

/** The Python sources, by module name (the files' text). */
export type RunnerSources = Record<(typeof RUNNER_MODULES)[number], string>;

const FLUSH_INTERVAL_MS = 30;
const FLUSH_LINES = 200;
const EAGER_POSTS = 16;
const DIR = "/asyncio_notes";

/** Blocks the thread for `ms` (forever for null) without spinning: Atomics.wait on a word nobody changes. */
export function makeWait(): (ms: number | null) => void {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
  const word = new Int32Array(memory.buffer);
  return (ms) => {
    Atomics.wait(word, 0, 0, ms === null || ms === undefined ? Infinity : Math.max(0, ms));
  };
}

/**
 * Installs the runner's modules; call once per Pyodide.
 * @example
 * const py = await loadPyodide(); installRunner(py, sources);
 */
export function installRunner(py: PyodideInterface, sources: RunnerSources): void {
  py.FS.mkdirTree(DIR);
  for (const name of RUNNER_MODULES) py.FS.writeFile(`${DIR}/asyncio_notes_${name}.py`, sources[name]);
  py.runPython(
    [
      "import sys",
      `if ${JSON.stringify(DIR)} not in sys.path: sys.path.insert(0, ${JSON.stringify(DIR)})`,
      // A missing module says what CPython says ("No module named 'x'"), not Pyodide's
      // advice to install packages the page never loads; the page adds its own hint.
      "from importlib import _bootstrap",
      "from _pyodide import _importhook",
      "if _importhook.orig_get_module_not_found_error is not None:",
      "    _bootstrap._get_module_not_found_error = _importhook.orig_get_module_not_found_error",
      "import asyncio_notes_program",
    ].join("\n"),
  );
}

/**
 * Compiles `code` as example.py without running it: null, or the SyntaxError.
 * @example
 * checkSyntax(py, "print("); // { kind: "syntax", text: "'(' was never closed", line: 1, column: 6 }
 */
export function checkSyntax(py: PyodideInterface, code: string): CodeProblem | null {
  const check = py.pyimport("asyncio_notes_program").check;
  try {
    const json: unknown = check(code);
    return typeof json === "string" ? (JSON.parse(json) as CodeProblem) : null;
  } finally {
    check.destroy();
  }
}

export interface RunOptions {
  clock: Clock;
  trace: boolean;
  /** Blocks the thread (real clock, `time.sleep`); see makeWait. */
  wait: (ms: number | null) => void;
  post: (message: FromPythonWorker) => void;
}

/**
 * Runs `code` as example.py and posts its output, error, trace and end.
 * @example
 * runProgram(py, "print('hi')", { clock: "virtual", trace: false, wait: makeWait(), post: console.log });
 */
export function runProgram(py: PyodideInterface, code: string, options: RunOptions): "done" | "limit" | "problems" {
  const { post } = options;
  let pending: OutputLine[] = [];
  let windowStart = Number.NEGATIVE_INFINITY;
  let postsInWindow = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    postsInWindow++;
    post({ type: "output", lines: pending });
    pending = [];
  };
  const host = {
    line(level: OutputLevel, text: string, time: number | null | undefined, cut: number): void {
      pending.push({ level, text, time: time ?? null, cut });
      const now = performance.now();
      if (now - windowStart >= FLUSH_INTERVAL_MS) {
        windowStart = now;
        postsInWindow = 0;
      }
      if (pending.length >= FLUSH_LINES || postsInWindow < EAGER_POSTS) flush();
    },
    limit(which: LimitName): void {
      flush();
      post({ type: "limit", limit: which });
    },
    error(json: string): void {
      flush();
      const error = JSON.parse(json) as RunError;
      if (typeof error.report === "string") error.report = fitReport(error.report);
      post({ type: "error", error });
    },
    problems(json: string): void {
      post({ type: "problems", problems: [JSON.parse(json) as CodeProblem] });
    },
    wait(ms: number | null | undefined): void {
      flush();
      options.wait(ms ?? null);
    },
    trace(json: string, dropped: number): void {
      post({ type: "trace", events: JSON.parse(json) as TraceMessage["events"], dropped });
    },
  };
  let outcome: unknown;
  try {
    outcome = runSession(py, code, options, host);
  } catch (error) {
    // os._exit() or CPython itself failing: what was printed before it still shows.
    flush();
    throw error;
  }
  const exit = typeof outcome === "string" ? /^exit:(-?\d+)$/.exec(outcome) : null;
  if (outcome !== "done" && !exit) return outcome === "problems" ? "problems" : "limit";
  flush();
  post(exit ? { type: "done", status: Number(exit[1]) } : { type: "done" });
  return "done";
}

/**
 * The program's run, in program.py's steps (its `Session`): the builtin `exec` is called
 * from here, so the program's `<module>` frame is the first on the stack, as in python3.
 * An exception that ends the program reaches JavaScript as a PythonError, and Pyodide
 * keeps it in `sys.last_value`, where `finish` reads it.
 */
function runSession(py: PyodideInterface, code: string, options: RunOptions, host: object): unknown {
  // Proxies are let go on the way out, except when CPython itself failed (the wasm stack
  // ran out, os._exit()): then any call into it throws, and would hide why.
  const proxies: { destroy(): void }[] = [];
  const keep = <T extends { destroy(): void }>(proxy: T): T => (proxies.push(proxy), proxy);
  const release = (): void => {
    for (const proxy of proxies.splice(0).reverse()) proxy.destroy();
  };
  const program = keep(py.pyimport("asyncio_notes_program"));
  const exec = keep(py.pyimport("builtins").exec);
  const session = keep(program.Session(code, options.clock, host, keep(py.toPy(PYTHON_LIMITS)), options.trace));
  exec(keep(program.PROBE), keep(session.probe));
  if (!session.enter()) {
    release();
    return "problems";
  }
  const namespace = session.namespace;
  const compiled = session.code;
  // Read before the run: once CPython has failed, all of Pyodide's API throws.
  const { PythonError } = py.ffi;
  let raised = false;
  try {
    exec(compiled, namespace);
  } catch (error) {
    if (!(error instanceof PythonError)) throw error;
    raised = true;
  }
  // The program's module is let go at its exit (finish): no proxy may keep it.
  compiled.destroy();
  namespace.destroy();
  const outcome: unknown = session.finish(raised);
  release();
  return outcome;
}

/**
 * How a run that brought CPython itself down is reported. The usual cause is the wasm
 * stack running out: each `await` of a coroutine is a C call inside CPython, and a
 * browser's worker has room for about as many as the recursion limit of 1,000 allows
 * (Node's main thread for a few hundred), so RecursionError may not come first. That
 * gets its own words.
 *
 *   crashFailure(new RangeError("Maximum call stack size exceeded")).key; // "pythonStack"
 *   crashFailure(new Error("unreachable")).key;                           // "workerCrashed"
 */
export function crashFailure(error: unknown): Failure {
  const detail = String(error);
  return { key: /Maximum call stack size exceeded|too much recursion/.test(detail) ? "pythonStack" : "workerCrashed", detail };
}

/**
 * The exit status of a program that ended the interpreter itself (`os._exit(4)`: Pyodide
 * throws "Program terminated with exit(4)"), or null for any other failure.
 *
 *   exitStatus(new Error("Exit: Program terminated with exit(4)")); // 4
 */
export function exitStatus(error: unknown): number | null {
  const found = /Program terminated with exit\((-?\d+)\)/.exec(String(error));
  return found ? Number(found[1]) : null;
}
