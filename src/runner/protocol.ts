/**
 * Every message that crosses the sandbox boundary, page ⇄ worker, in one place, and the
 * events a runtime (./runtime.ts) streams to the page. Messages carry data, never
 * finished text: the page words them in both languages in one place
 * (src/components/example/messages.ts).
 *
 * The sandbox is a Web Worker started from a `data:` URL, so it runs in an opaque
 * origin: no storage, no cookies, no same-origin fetch. Its life, from the page's side
 * (./sandbox.ts):
 *
 *   page                                    worker
 *   new Worker(data: bootstrap) ──────────▶ (bootstrap waits)
 *   { type: "boot", runtime, port } ──────▶ imports the runtime (./worker.ts, the loop
 *                                           library bundled in) and hands it `port`
 *
 *   from here on, every message goes over `port`, a MessageChannel only the runtime's
 *   own code holds (in a closure); the global `postMessage` is made inert before the
 *   reader's code runs, and the page never listens to the worker itself:
 *
 *                           ◀────────────── { type: "ready" } | { type: "failed", failure }
 *   { type: "run", code, clock, ... } ────▶ configure({ clock }), import(code)
 *                           ◀────────────── { type: "output", lines } (many)
 *                           ◀────────────── { type: "trace", events } (many; only when
 *                                           the run asked for a trace)
 *                           ◀────────────── { type: "error", error } (uncaught)
 *                           ◀────────────── { type: "done" } | { type: "limit", limit }
 *   worker.terminate()
 *
 * A worker runs exactly one program; the page starts a fresh one for every run.
 */
import type { TraceMessage } from "../visualizer/bridge";
import type { LimitName } from "./limits";

/** "virtual" is the runner's "Instant" mode, "real" its "Real time" mode. */
export type Clock = "virtual" | "real";

/** The languages an example can be run in: the TypeScript twin, or the Python original. */
export type Language = "ts" | "py";

/** The `globalThis` slot where the runtime puts the loop library for the reader's bundle. */
export const LIBRARY_GLOBAL = "__asyncioNotesLibrary";

/** The file name the reader's bundle carries in stack traces and in its source map. */
export const USER_FILE = "example.ts";

// ---------------------------------------------------------------- page → worker

/** First message (to the worker itself): the runtime's source, and the page's private port, transferred. */
export interface BootMessage {
  type: "boot";
  runtime: string;
  port: MessagePort;
}

/** Second and last message: the reader's program, bundled as an ES module. */
export interface RunMessage {
  type: "run";
  /** An ES module with no imports; `asyncio` reads the library from LIBRARY_GLOBAL. It may carry an inline source map. */
  code: string;
  clock: Clock;
  /**
   * Record the loop's events for the visualizer (src/visualizer/): the worker attaches
   * the trace collector as the loop's observer and posts `trace` batches. Off for a plain
   * run, so a run nobody watches pays nothing for it.
   */
  trace: boolean;
}

export type ToWorker = BootMessage | RunMessage;

// ---------------------------------------------------------------- worker → page

export type OutputLevel = "log" | "info" | "warn" | "error";

/** One line the program printed. */
export interface OutputLine {
  level: OutputLevel;
  /** At most OUTPUT_BOUNDS.lineChars characters (./limits.ts). */
  text: string;
  /** The running loop's `time()` when printed, or null when no loop was running. */
  time: number | null;
  /** Characters of this line left out (shown as "… N more characters"); 0 when none. */
  cut: number;
}

/** A place in the reader's code (1-based line, 1-based column in characters). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** One frame of a traceback, in the reader's code. */
export interface Frame extends SourcePosition {
  /** The file, as the traceback names it (USER_FILE for the reader's program). */
  file: string;
  /** The function, or "<module>" for the top level. */
  function: string;
}

/**
 * An error the program did not handle. (A task's exception nobody retrieved is not one
 * of these: the loop library reports it on console.error, as CPython logs it.)
 */
export interface RunError {
  /** The exception's class name ("ValueError"), or null when the program threw a non-Error value. */
  name: string | null;
  /** The exception's message, or the thrown value as `console.log` prints it. */
  message: string;
  /** The reader's frames, outermost first (Python's order); empty when none lie in the reader's code. */
  frames: Frame[];
  /**
   * The interpreter's own report, when it has one (CPython's traceback of the reader's
   * frames, with source lines, carets and chained exceptions); shown instead of the
   * report built from `frames`.
   */
  report?: string;
  /** Why this cannot work in a browser, when that is the reason (the page explains it in both languages). */
  hint?: BrowserHint;
  /** The missing module, for `hint: "module"` and `"stdlib"`. */
  module?: string;
  /** True when the library raised it with no task running (a nested asyncio.run() at a module's top level). */
  outsideTask?: true;
}

/**
 * What a program asked for that a browser tab cannot give it: a package (`module`), a
 * standard-library module the browser's CPython leaves out (`stdlib`), input, the
 * network, a thread (Python runs), or more stack than a worker has (TypeScript runs: a
 * recursion or `yield*` chain too deep, or a very long array spread into a call).
 */
export const BROWSER_HINTS = ["module", "stdlib", "input", "network", "thread", "stack"] as const;
export type BrowserHint = (typeof BROWSER_HINTS)[number];

/** Why a run could not go on, by runner string (src/i18n/runner.ts), with the browser's detail. */
export type FailureKey = "bundlerFailed" | "prebuiltFailed" | "runtimeFailed" | "workerCrashed" | "pythonStack" | "pythonDownload" | "runnerDownload" | "brokeRules";

export interface Failure {
  key: FailureKey;
  /** The browser's own words (an HTTP status, an exception's message); shown as is. */
  detail: string;
}

export interface ReadyMessage {
  type: "ready";
}

/** The worker could not start its runtime. */
export interface FailedMessage {
  type: "failed";
  failure: Failure;
}

export interface OutputMessage {
  type: "output";
  lines: OutputLine[];
}

export interface ErrorMessage {
  type: "error";
  error: RunError;
}

/** The program's module finished evaluating (its top-level `await`s settled). */
export interface DoneMessage {
  type: "done";
  /** The exit status a Python program asked for, when not 0 (`sys.exit(3)`, `os._exit(4)`). */
  status?: number;
}

/** The program reached a limit (./limits.ts); the page ends the worker. */
export interface LimitMessage {
  type: "limit";
  limit: LimitName;
}

/**
 * A batch of the loop's events (the visualizer's own message, from
 * src/visualizer/bridge.ts): posted only when the run asked for a trace, and always
 * flushed before the run's last message (done, limit or error).
 */
export type { TraceMessage };

export type FromWorker =
  | ReadyMessage
  | FailedMessage
  | OutputMessage
  | ErrorMessage
  | DoneMessage
  | LimitMessage
  | TraceMessage;

/** The page checks every message from the worker against these types: ./validate.ts. */

// ---------------------------------------------------------------- runtime → page

/**
 * A problem found before the program ran (a syntax error, a forbidden import). A Python
 * syntax error carries CPython's own report (`report`: `File "example.py", line 5`, the
 * line, the caret, `SyntaxError: …`), which a run prints as python3 would.
 */
export type CodeProblem =
  | { kind: "syntax"; text: string; line: number; column: number; report?: string }
  | { kind: "import"; module: string; line: number; column: number };

/** The program did not compile; the run ends with it. */
export interface ProblemsEvent {
  type: "problems";
  problems: CodeProblem[];
}

/** Something slow is on its way before the program starts (the bundler downloading). */
export interface PreparingEvent {
  type: "preparing";
  /** The bundler (edited TypeScript), or CPython (the first Python run on a page). */
  what: "bundler" | "python";
}

/** The program began to run: anything a preparing step announced is over. */
export interface StartedEvent {
  type: "started";
}

/** How a run ended. */
export type RunEnd =
  | { reason: "done"; status?: number }
  | { reason: "stopped" }
  | { reason: "problems" }
  | { reason: "limit"; limit: LimitName }
  | { reason: "failed"; failure: Failure };

/** The last event of every run, exactly once. */
export interface EndEvent {
  type: "end";
  end: RunEnd;
}

/** What a runtime streams to the page during one run; `end` comes last, exactly once. */
export type RunEvent = OutputMessage | ErrorMessage | TraceMessage | ProblemsEvent | PreparingEvent | StartedEvent | EndEvent;
