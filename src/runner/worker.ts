/**
 * The sandbox's runtime: runs inside a Web Worker started from a `data:` URL (an opaque
 * origin), with the loop library bundled in. It runs one program and reports to the
 * page through the messages in ./protocol.ts:
 *
 * - the library is published on `globalThis[LIBRARY_GLOBAL]`, where the reader's bundle
 *   finds it for `import * as asyncio from "asyncio"`;
 * - `asyncio.configure({ clock })` picks Instant (virtual) or Real time before the
 *   program's first line runs;
 * - when the run asks for a trace (`trace: true`), the visualizer's collector
 *   (src/visualizer/bridge.ts) is the loop's observer: it posts the loop's events in
 *   batches, each tagged with the reader's line where the stack maps to one; a plain
 *   run attaches no observer, so the loop builds no events at all;
 * - `console.*` lines are stamped with the running loop's time, batched, and counted
 *   against the output limit;
 * - an error the program does not catch is reported Python-style ("Traceback …"),
 *   with the reader's lines found through the bundle's inline source map.
 *
 * Built by src/runner/build/ into `_runner/sandbox.js`; the page never imports it.
 */
import * as asyncio from "asyncio";
import { _getRunningLoop } from "../asyncio/loops";
import { createTraceCollector, lineFromStack, type TraceCollector } from "../visualizer/bridge";
import { formatArgs } from "./inspect";
import { RUN_LIMITS } from "./limits";
import {
  LIBRARY_GLOBAL,
  USER_FILE,
  type Frame,
  type FromWorker,
  type OutputLevel,
  type OutputLine,
  type RunError,
  type RunMessage,
} from "./protocol";
import { frameLine, TRACEBACK_HEADER } from "./traceback";
import { locateInStack, readInlineMap, SourceMapper } from "./sourcemap";

/** Flush printed lines at least this often while a program prints without pausing (ms). */
const FLUSH_INTERVAL_MS = 30;
/** …or as soon as this many lines wait. */
const FLUSH_LINES = 200;
/**
 * Posts sent at once, one per print, in each FLUSH_INTERVAL_MS window; only prints beyond
 * these wait for a batch. A line that waits goes out in a microtask, and a microtask never
 * runs if the program then spins (`console.log("x"); while (true) {}`): the page would end
 * that run without ever seeing "x". A program printing at a reader's pace never waits.
 */
const EAGER_POSTS = 16;

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  addEventListener(type: "unhandledrejection", fn: (event: PromiseRejectionEvent) => void): void;
  addEventListener(type: "error", fn: (event: ErrorEvent) => void): void;
}
const scope = globalThis as unknown as WorkerScope;
const post = (message: FromWorker): void => scope.postMessage(message);

(globalThis as Record<string, unknown>)[LIBRARY_GLOBAL] = asyncio;

let pending: OutputLine[] = [];
let windowStart = Number.NEGATIVE_INFINITY;
let postsInWindow = 0;
let flushQueued = false;
let printed = 0;
const maxLines = RUN_LIMITS.lines.value;
let silenced = false;
/** Real-clock stamps count from the start of the run, not from the worker's start. */
let timeOrigin = 0;
let programUrl = "";
let mapper: SourceMapper | null = null;
/** The loop's events for the visualizer; null unless the run asked for a trace. */
let trace: TraceCollector | null = null;

function flush(): void {
  flushQueued = false;
  if (pending.length === 0) return;
  postsInWindow++;
  post({ type: "output", lines: pending });
  pending = [];
}

/** Everything still waiting, printed lines and trace events, before the run's last message. */
function flushAll(): void {
  flush();
  trace?.flush();
}

function loopTime(): number | null {
  const loop = _getRunningLoop();
  return loop === null ? null : loop.time() - timeOrigin;
}

function emit(level: OutputLevel, text: string): void {
  if (silenced) return;
  const lines = text.split("\n");
  if (printed + lines.length > maxLines) {
    lines.length = Math.max(0, maxLines - printed);
  }
  const time = loopTime();
  for (const line of lines) {
    pending.push({ level, text: line, time });
    trace?.note(line);
  }
  printed += lines.length;
  if (printed >= maxLines) {
    silenced = true;
    flushAll();
    post({ type: "limit", limit: "lines" });
    return;
  }
  const now = performance.now();
  if (now - windowStart >= FLUSH_INTERVAL_MS) {
    windowStart = now;
    postsInWindow = 0;
  }
  if (pending.length >= FLUSH_LINES || postsInWindow < EAGER_POSTS) {
    flush();
  } else if (!flushQueued) {
    flushQueued = true;
    queueMicrotask(flush);
  }
}

function captureConsole(): void {
  const levels: Record<string, OutputLevel> = {
    log: "log",
    debug: "log",
    trace: "log",
    dir: "log",
    table: "log",
    info: "info",
    warn: "warn",
    error: "error",
  };
  const target = console as unknown as Record<string, unknown>;
  for (const [name, level] of Object.entries(levels)) {
    target[name] =
      level === "error"
        ? (...args: unknown[]): void => emit(level, pythonizeStacks(formatArgs(args)))
        : (...args: unknown[]): void => emit(level, formatArgs(args));
  }
}

/** A V8/SpiderMonkey frame's function name, if it names one. */
function frameName(frame: string): string {
  const v8 = /^\s*at (?:async )?(.+?) \(/.exec(frame);
  if (v8) return v8[1].replace(/^Object\.|^Generator\.next$/, "") || "<module>";
  const gecko = /^(.*?)@/.exec(frame);
  return gecko && gecko[1] ? gecko[1] : "<module>";
}

/** The frames of a JavaScript stack that lie in the reader's code, outermost first (Python's order). */
function readerFrames(stack: string): Frame[] {
  const frames: Frame[] = [];
  for (const frame of stack.split("\n")) {
    if (!frame.includes(programUrl)) continue;
    const position = locateInStack(frame, programUrl, mapper, USER_FILE);
    if (!position) continue;
    const name = frameName(frame);
    frames.push({ file: USER_FILE, ...position, function: name.includes(programUrl) ? "<module>" : name });
  }
  return frames.reverse();
}

/**
 * Rewrites JavaScript stacks inside a printed text (the loop's "Task exception was never
 * retrieved" report prints `error.stack`) as Python tracebacks of the reader's frames.
 */
function pythonizeStacks(text: string): string {
  if (!text.includes("\n    at ")) return text;
  const lines = text.split("\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i + 1;
    while (j < lines.length && /^\s+at /.test(lines[j])) j++;
    if (j === i + 1) {
      out.push(lines[i]);
      continue;
    }
    const frames = readerFrames([lines[i], ...lines.slice(i + 1, j)].join("\n"));
    if (frames.length) out.push(TRACEBACK_HEADER, ...frames.map(frameLine));
    out.push(lines[i]);
    i = j - 1;
  }
  return out.join("\n");
}

function describe(error: unknown): RunError {
  if (!(error instanceof Error)) return { name: null, message: formatArgs([error]), frames: [] };
  return { name: error.name, message: error.message, frames: error.stack ? readerFrames(error.stack) : [] };
}

function reportUncaught(error: unknown): void {
  if (silenced) return;
  flushAll();
  post({ type: "error", error: describe(error) });
}

async function run(message: RunMessage): Promise<void> {
  timeOrigin = message.clock === "real" ? performance.now() / 1000 : 0;
  const map = readInlineMap(message.code);
  mapper = map ? new SourceMapper(map) : null;
  programUrl = URL.createObjectURL(new Blob([message.code], { type: "text/javascript" }));
  if (message.trace) {
    const url = programUrl;
    const inCode = (frame: string): number | null =>
      frame.includes(url) ? (locateInStack(frame, url, mapper, USER_FILE)?.line ?? null) : null;
    trace = createTraceCollector({ post, timeOrigin, locate: () => lineFromStack(inCode) });
    asyncio.configure({ clock: message.clock, observer: trace.observer });
  } else {
    asyncio.configure({ clock: message.clock });
  }
  captureConsole();
  try {
    await import(/* @vite-ignore */ programUrl);
  } catch (error) {
    reportUncaught(error);
  }
  // A program that starts a loop without awaiting it (`asyncio.run(main());`) finishes
  // its module first; the run lasts until the loop stops, as the Python script would.
  while (_getRunningLoop() !== null) await new Promise((wake) => setTimeout(wake, 20));
  if (silenced) return;
  flushAll();
  post({ type: "done" });
}

scope.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  reportUncaught(event.reason);
});
scope.addEventListener("error", (event) => {
  event.preventDefault();
  reportUncaught(event.error ?? event.message);
});

scope.onmessage = (event) => {
  const data = event.data as { type?: unknown };
  if (data && data.type === "run") {
    scope.onmessage = null;
    void run(event.data as RunMessage);
  }
};
post({ type: "ready" });
