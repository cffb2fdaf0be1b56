/**
 * Every message that crosses the sandbox boundary, page ⇄ worker, in one place.
 *
 * The sandbox is a Web Worker started from a `data:` URL, so it runs in an opaque
 * origin: no storage, no cookies, no same-origin fetch, no channel to the page but
 * `postMessage`. Its life, from the page's side (src/runner/sandbox.ts):
 *
 *   page                                    worker
 *   new Worker(data: bootstrap) ──────────▶ (bootstrap waits)
 *   { type: "boot", runtime } ────────────▶ imports the runtime (src/runner/worker.ts,
 *                                           the loop library bundled in)
 *                           ◀────────────── { type: "ready" }
 *   { type: "run", code, clock, ... } ────▶ configure({ clock }), import(code)
 *                           ◀────────────── { type: "output", lines } (many)
 *                           ◀────────────── { type: "trace", events } (many; only when
 *                                           the run asked for a trace)
 *                           ◀────────────── { type: "error", error } (uncaught, never retrieved)
 *                           ◀────────────── { type: "done" } | { type: "limit" }
 *   worker.terminate()
 *
 * A worker runs exactly one program; the page starts a fresh one for every run.
 */

import type { TraceMessage } from "../visualizer/bridge";

/** "virtual" is the runner's "Instant" mode, "real" its "Real time" mode. */
export type Clock = "virtual" | "real";

/** Limits that end a run, with a message naming the limit. */
export const LIMITS = {
  /** Wall-clock seconds a run may take, in either mode. */
  seconds: 10,
  /** Output lines a run may print. */
  lines: 10_000,
} as const;

/** The `globalThis` slot where the runtime puts the loop library for the reader's bundle. */
export const LIBRARY_GLOBAL = "__asyncioNotesLibrary";

/** The file name the reader's bundle carries in stack traces and in its source map. */
export const USER_FILE = "example.ts";

// ---------------------------------------------------------------- page → worker

/** First message: the runtime's source, which the bootstrap imports as a module. */
export interface BootMessage {
  type: "boot";
  runtime: string;
}

/** Second and last message: the reader's program, bundled as an ES module. */
export interface RunMessage {
  type: "run";
  /** An ES module with no imports; `asyncio` reads the library from LIBRARY_GLOBAL. It may carry an inline source map. */
  code: string;
  clock: Clock;
  maxLines: number;
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
  text: string;
  /** The running loop's `time()` when printed, or null when no loop was running. */
  time: number | null;
}

/** A place in the reader's code (1-based line, 1-based column). */
export interface SourcePosition {
  line: number;
  column: number;
}

/** An error the program did not handle. */
export interface RunError {
  /**
   * "uncaught": the program ended with it. (A task's exception nobody retrieved is not
   * one of these: the loop library reports it on console.error, as CPython logs it.)
   */
  kind: "uncaught";
  /** The error's class name, e.g. "ValueError". */
  name: string;
  message: string;
  /** The Python-style report: "Traceback (most recent call last):", the reader's frames, "Name: message". */
  report: string;
  /** Where in the reader's code it was thrown, when the stack points into it. */
  at: SourcePosition | null;
}

export interface ReadyMessage {
  type: "ready";
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
}

/** The program reached the output limit; the page ends the worker. */
export interface LimitMessage {
  type: "limit";
  which: "lines";
}

/**
 * A batch of the loop's events (the visualizer's own message, from
 * src/visualizer/bridge.ts): posted only when the run asked for a trace, and always
 * flushed before the run's last message (done, limit or error).
 */
export type { TraceMessage };

export type FromWorker = ReadyMessage | OutputMessage | ErrorMessage | DoneMessage | LimitMessage | TraceMessage;

/** Narrows an unknown `MessageEvent.data` to a message from the worker. */
export function isFromWorker(data: unknown): data is FromWorker {
  if (typeof data !== "object" || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return type === "ready" || type === "output" || type === "error" || type === "done" || type === "limit" || type === "trace";
}
