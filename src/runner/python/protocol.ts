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
import type { Clock, OutputLevel, RunError, SourcePosition } from "../protocol";

/** The reader's file name in tracebacks. */
export const PYTHON_FILE = "example.py";

/** What ran the program, as the page shows it. */
export const PYTHON_LABEL = "CPython 3.11.3 (WebAssembly)";

/** Limits of one Python run (the time limit is the TypeScript runner's, LIMITS.seconds). */
export const PYTHON_LIMITS = {
  lines: 10_000,
  /** Characters of the run's output, all lines together (about 1 MB). */
  bytes: 1_000_000,
  /** Characters of one line; the rest is counted in `omitted`. */
  lineChars: 10_000,
} as const;

/** The files the worker needs, fetched by the page from `_runner/pyodide/`. */
export interface PyodideFiles {
  /** pyodide.asm.js (Emscripten's glue), as text. */
  asmJs: string;
  /** pyodide.asm.wasm, compiled once by the page and shared with every worker. */
  wasm: WebAssembly.Module;
  /** python_stdlib.zip */
  stdlib: ArrayBuffer;
}

export interface PythonBootMessage {
  type: "boot";
  runtime: string;
  files: PyodideFiles;
  port: MessagePort;
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

/** Why a Python error could not have worked in a browser; the page explains it in both languages. */
export type PythonHint = "module" | "input" | "network" | "thread";

export interface PythonRunError extends RunError {
  hint?: PythonHint;
  /** The missing module, for `hint: "module"`. */
  module?: string;
}

/** One printed line; `omitted` counts the characters cut off a line over the limit. */
export interface PythonOutputLine {
  level: OutputLevel;
  text: string;
  time: number | null;
  omitted: number;
}

export type FromPythonWorker =
  | { type: "ready"; version: string }
  | { type: "checked"; id: number; error: PythonRunError | null }
  | { type: "output"; lines: PythonOutputLine[] }
  | { type: "error"; error: PythonRunError }
  | { type: "done" }
  | { type: "limit"; which: "lines" | "bytes" }
  | TraceMessage;

const LEVELS = new Set(["log", "info", "warn", "error"]);
const HINTS = new Set(["module", "input", "network", "thread"]);

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isString = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;

function isPosition(v: unknown): v is SourcePosition | null {
  if (v === null) return true;
  const p = v as SourcePosition;
  return typeof v === "object" && isNumber(p.line) && isNumber(p.column) && p.line >= 1 && p.line <= 1e6 && p.column >= 1 && p.column <= 1e6;
}

function isError(v: unknown): v is PythonRunError {
  if (typeof v !== "object" || v === null) return false;
  const e = v as PythonRunError;
  return e.kind === "uncaught" && isString(e.name, 1000) && isString(e.message, 1e6) && isString(e.report, 2e6) &&
    isPosition(e.at) && (e.hint === undefined || HINTS.has(e.hint)) && (e.module === undefined || isString(e.module, 1000));
}

function isLine(v: unknown): v is PythonOutputLine {
  if (typeof v !== "object" || v === null) return false;
  const l = v as PythonOutputLine;
  return LEVELS.has(l.level) && isString(l.text, PYTHON_LIMITS.lineChars) && (l.time === null || isNumber(l.time)) &&
    isNumber(l.omitted) && l.omitted >= 0;
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
      return isNumber(m.id) && (m.error === null || isError(m.error));
    case "output":
      return Array.isArray(m.lines) && m.lines.length <= 1000 && m.lines.every(isLine);
    case "error":
      return isError(m.error);
    case "done":
      return true;
    case "limit":
      return m.which === "lines" || m.which === "bytes";
    case "trace":
      return Array.isArray(m.events) && m.events.length <= 100_000 && isNumber(m.dropped);
    default:
      return false;
  }
}
