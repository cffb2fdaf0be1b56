/**
 * The Python runner's messages, page ⇄ worker. The life of a run is the TypeScript
 * runner's (see ../protocol.ts): a fresh worker from a `data:` URL per run, booted ahead
 * of time, ended by terminating it. What differs:
 *
 *   page                                          worker
 *   new Worker(data: bootstrap)
 *   { type: "boot", runtime, files, port } ─────▶ imports the runtime (./worker.ts);
 *                                                 from here on it speaks only on `port`
 *                        ◀──── port ──────────── { type: "ready", version }
 *   { type: "check", code } (any number) ───────▶ compiles without running
 *                        ◀──── port ──────────── { type: "checked", error }
 *   { type: "run", code, clock, trace } ────────▶ runs example.py on CPython
 *                        ◀──── port ──────────── output / trace / error, then done or limit
 *
 * Messages travel over a `MessagePort` the page transfers at boot and the runtime keeps
 * in a closure: the reader's program (which can reach the worker's globals through
 * `import js`) finds no way to post to the page. The page still checks every message
 * (`isPythonMessage`) and ends the run on anything else.
 */
import type { TraceMessage } from "../../visualizer/bridge";
import { isLimitName, OUTPUT_BOUNDS, RUN_LIMITS } from "../limits";
import type {
  Clock, CodeProblem, DoneMessage, ErrorMessage, Failure, FailedMessage, Frame, LimitMessage, OutputLine,
  OutputMessage, ProblemsEvent, RunError,
} from "../protocol";
import { BROWSER_HINTS } from "../protocol";

/** The reader's file name in tracebacks. */
export const PYTHON_FILE = "example.py";

/** What ran the program, as the page shows it. */
export const PYTHON_LABEL = "CPython 3.11.3 (WebAssembly)";

/** Limits of one Python run (the rows of ../limits.ts, plus the length of one line). */
export const PYTHON_LIMITS = {
  lines: RUN_LIMITS.lines.value,
  /** Characters of the run's output, all lines together (about 1 MB). */
  chars: RUN_LIMITS.chars.value,
  /** Characters of one line; the rest is counted in the line's `cut`. */
  lineChars: OUTPUT_BOUNDS.lineChars,
} as const;

/** The files the worker needs, fetched by the page from `_runner/pyodide/`. */
/** What the worker needs first: the scripts it evaluates while the wasm still compiles. */
export interface PythonBootMessage {
  type: "boot";
  runtime: string;
  /** pyodide.asm.js (Emscripten's glue), as text. */
  asmJs: string;
  port: MessagePort;
}

/** Pyodide's binaries, posted to the worker when they are ready (after the boot message). */
export interface PyodideBinaries {
  type: "binaries";
  /** pyodide.asm.wasm, compiled once by the page and shared with every worker. */
  wasm: WebAssembly.Module;
  /** python_stdlib.zip, as a Blob: posted by reference, never copied. */
  stdlib: Blob;
}

export interface CheckMessage {
  type: "check";
  id: number;
  code: string;
}

export interface PythonRunMessage {
  type: "run";
  code: string;
  clock: Clock;
  trace: boolean;
}

export type ToPythonWorker = CheckMessage | PythonRunMessage;

export type FromPythonWorker =
  | { type: "ready"; version: string }
  | { type: "checked"; id: number; problem: CodeProblem | null }
  | OutputMessage
  | ErrorMessage
  | ProblemsEvent
  | DoneMessage
  | LimitMessage
  | FailedMessage
  | TraceMessage;

const LEVELS = new Set(["log", "info", "warn", "error"]);
/** The hints a Python run can give (a stack overflow is CPython's own RecursionError). */
const HINTS = new Set<string>(BROWSER_HINTS.filter((h) => h !== "stack"));

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isString = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;
const isPlace = (line: unknown, column: unknown): boolean =>
  isNumber(line) && isNumber(column) && line >= 1 && line <= 1e6 && column >= 1 && column <= 1e6;

function isProblem(v: unknown): v is CodeProblem {
  const p = v as CodeProblem | null;
  return (
    typeof p === "object" && p !== null && p.kind === "syntax" && isString(p.text, 10_000) && isPlace(p.line, p.column) &&
    (p.report === undefined || isString(p.report, 20_000))
  );
}

function isFrame(v: unknown): v is Frame {
  const f = v as Frame | null;
  return typeof f === "object" && f !== null && f.file === PYTHON_FILE && isString(f.function, 1000) && isPlace(f.line, f.column);
}

function isError(v: unknown): v is RunError {
  if (typeof v !== "object" || v === null) return false;
  const e = v as RunError;
  return isString(e.name, 1000) && isString(e.message, 100_000) && Array.isArray(e.frames) && e.frames.length <= 10_000 &&
    e.frames.every(isFrame) && (e.report === undefined || isString(e.report, 2_000_000)) &&
    (e.hint === undefined || HINTS.has(e.hint)) && (e.module === undefined || isString(e.module, 1000));
}

function isLine(v: unknown): v is OutputLine {
  if (typeof v !== "object" || v === null) return false;
  const l = v as OutputLine;
  return LEVELS.has(l.level) && isString(l.text, PYTHON_LIMITS.lineChars) && (l.time === null || isNumber(l.time)) &&
    isNumber(l.cut) && l.cut >= 0;
}

/**
 * Checks a message from the worker against the protocol: types, ranges and lengths.
 * @example
 * port.onmessage = (e) => isPythonMessage(e.data) ? handle(e.data) : end("broke the rules");
 */
export function isPythonMessage(data: unknown): data is FromPythonWorker {
  if (typeof data !== "object" || data === null) return false;
  const m = data as { type?: unknown } & Record<string, unknown>;
  switch (m.type) {
    case "ready":
      return isString(m.version, 100);
    case "checked":
      return isNumber(m.id) && (m.problem === null || isProblem(m.problem));
    case "output":
      return Array.isArray(m.lines) && m.lines.length <= 1000 && m.lines.every(isLine);
    case "error":
      return isError(m.error);
    case "problems":
      return Array.isArray(m.problems) && m.problems.length <= 100 && m.problems.every(isProblem);
    case "done":
      return m.status === undefined || (Number.isInteger(m.status) && Math.abs(m.status as number) < 2 ** 31);
    case "limit":
      return isLimitName(m.limit);
    case "failed":
      return typeof m.failure === "object" && m.failure !== null && isString((m.failure as Failure).detail, 10_000);
    case "trace":
      return Array.isArray(m.events) && m.events.length <= 100_000 && isNumber(m.dropped);
    default:
      return false;
  }
}
