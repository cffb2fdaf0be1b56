/**
 * The sandbox's runtime: runs inside a Web Worker started from a `data:` URL (an opaque
 * origin), with the loop library bundled in. It runs one program and reports to the
 * page through the messages in ./protocol.ts:
 *
 * - the library is published on `globalThis[LIBRARY_GLOBAL]`, where the reader's bundle
 *   finds it for `import * as asyncio from "asyncio"`; a name it lacks raises CPython's
 *   AttributeError, with its "Did you mean" in the traceback (./library-module.ts);
 * - `asyncio.configure({ clock })` picks Instant (virtual) or Real time before the
 *   program's first line runs;
 * - when the run asks for a trace (`trace: true`), the visualizer's collector
 *   (src/visualizer/bridge.ts) is the loop's observer: it posts the loop's events in
 *   batches, each tagged with the reader's line where the stack maps to one; a plain
 *   run attaches no observer, so the loop builds no events at all;
 * - `console.*` lines are stamped with the running loop's time, bounded and batched by
 *   ./worker-output.ts;
 * - an error the program does not catch is reported as data (name, message, the
 *   reader's frames through the bundle's inline source map), whatever was thrown;
 * - the run lasts while a timer the program set (`setTimeout`, `setInterval`) is
 *   pending, as a script in Node or a page would, and ends only after rejection events
 *   already on their way were delivered; a top-level `await` that nothing can settle
 *   any more (no loop, no timer) ends it too, as Node ends such a module;
 * - it speaks only over the port the bootstrap hands to `start()`, kept in this
 *   module's closure; the global `postMessage` is made inert first.
 *
 * Built by src/runner/build/ into `_runner/sandbox.js`; the page never imports it.
 */
import * as asyncio from "asyncio";
import { _getRunningLoop } from "../asyncio/loops";
import { createTraceCollector, lineFromStack, type TraceCollector } from "../visualizer/bridge";
import { chainedReport, holdsOthers, MAX_GROUP_DEPTH, MAX_GROUP_WIDTH, type ErrorTree } from "./exception-report";
import { FORMAT_BUDGET_MS, formatArgs, plainDescription } from "./inspect";
import { libraryModule, suggestionFor } from "./library-module";
import { fitReport } from "./limits";
import { LIBRARY_GLOBAL, type FromWorker, type OutputLevel, type RunError, type RunMessage } from "./protocol";
import { readInlineMap, SourceMapper } from "./sourcemap";
import { ReaderStacks } from "./stack";
import { Printer } from "./worker-output";

/** Timers and clock as they were before the reader's code could replace them. */
const setTimer = setTimeout;
const now = performance.now.bind(performance);

/** How long the end waits for rejection events still on their way, at most (ms). */
const SETTLE_MS = 50;
/**
 * How long the module may sit in a top-level `await` with no loop running and no timer
 * of the program's pending before the run ends (ms): nothing is left that could settle
 * it. (Node ends such a program at once, with exit code 13.)
 */
const UNSETTLED_MS = 2000;

interface WorkerScope {
  addEventListener(type: "unhandledrejection", fn: (event: PromiseRejectionEvent) => void): void;
  addEventListener(type: "error", fn: (event: ErrorEvent) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

(globalThis as Record<string, unknown>)[LIBRARY_GLOBAL] = libraryModule(asyncio);

/** The page's port: set once by `start`, held only in this module's closure. */
let send: ((message: FromWorker) => void) | null = null;
const post = (message: FromWorker): void => send?.(message);

/** Real-clock stamps count from the start of the run, not from the worker's start. */
let timeOrigin = 0;
let stacks = new ReaderStacks("\0", null);
/** The loop's events for the visualizer; null unless the run asked for a trace. */
let trace: TraceCollector | null = null;
/** Bumped by every report, so the end knows whether rejection events are still arriving. */
let reports = 0;
let finished = false;

function loopTime(): number | null {
  const loop = _getRunningLoop();
  return loop === null ? null : loop.time() - timeOrigin;
}

const printer = new Printer(post, loopTime, () => trace?.flush());

/** Everything still waiting, printed lines and trace events, before the run's last message. */
function flushAll(): void {
  printer.flush();
  trace?.flush();
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
        ? (...args: unknown[]): void => printer.print(level, stacks.pythonize(formatArgs(args)))
        : (...args: unknown[]): void => printer.print(level, formatArgs(args));
  }
}

/** Reads a property that may be a throwing getter or a revoked proxy's. */
function read(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function isAnError(value: unknown): value is Error {
  try {
    return value instanceof Error;
  } catch {
    return false; // A revoked proxy: not an Error we can read.
  }
}

/**
 * The library's errors that CPython's traceback names with their module
 * (`asyncio.exceptions.CancelledError`, `asyncio.queues.QueueEmpty`); its built-ins
 * (ValueError, TimeoutError, ExceptionGroup…) and the reader's own classes it names bare.
 */
const PYTHON_MODULES = new Map<object, string>([
  [asyncio.CancelledError.prototype, "asyncio.exceptions"],
  [asyncio.InvalidStateError.prototype, "asyncio.exceptions"],
  [asyncio.BrokenBarrierError.prototype, "asyncio.exceptions"],
  [asyncio.QueueEmpty.prototype, "asyncio.queues"],
  [asyncio.QueueFull.prototype, "asyncio.queues"],
]);

/** `name` as CPython's traceback writes it: module-qualified for the library's own errors. */
function pythonName(error: Error, name: string): string {
  let proto: unknown;
  try {
    proto = Object.getPrototypeOf(error);
  } catch {
    return name;
  }
  const module = typeof proto === "object" && proto !== null ? PYTHON_MODULES.get(proto) : undefined;
  return module !== undefined && name === (proto as Error).name ? `${module}.${name}` : name;
}

/** Errors read into one report at most (a chain, a group's members, theirs): the rest are left out. */
const MAX_REPORTED_ERRORS = 64;

/** What was thrown, as data; whatever it is (a throwing getter, a revoked proxy, null), this returns. */
function describe(thrown: unknown): RunError {
  const deadline = now() + FORMAT_BUDGET_MS;
  if (!isAnError(thrown)) return { name: null, message: formatArgs([thrown]), frames: [] };
  const seen = new Set<unknown>();
  /** The error and what it holds: its cause, a group's members (./exception-report.ts). */
  const tree = (error: Error, depth: number): ErrorTree => {
    seen.add(error);
    const name = read(error, "name");
    const message = read(error, "message");
    const stack = read(error, "stack");
    const node: ErrorTree = {
      name: typeof name === "string" ? pythonName(error, name.slice(0, 1000)) : plainDescription(error),
      message: typeof message === "string" ? message.slice(0, 10_000) : "",
      frames: typeof stack === "string" && now() < deadline ? stacks.frames(stack) : [],
    };
    // A name the module lacks: CPython's traceback adds its guess (the message itself has none).
    const near = suggestionFor(error);
    if (near !== undefined) node.message += `. Did you mean: '${near}'?`;
    const room = (): boolean => seen.size < MAX_REPORTED_ERRORS && now() < deadline;
    // What the error holds is the program's to forge (a writable `exceptions`, a Proxy, a
    // throwing getter): whatever throws here leaves the error reported as far as it was read.
    try {
      const cause = read(error, "cause");
      if (isAnError(cause) && !seen.has(cause) && room()) node.cause = tree(cause, depth);
      const members = error instanceof asyncio.BaseExceptionGroup ? read(error, "exceptions") : undefined;
      if (Array.isArray(members) && depth <= MAX_GROUP_DEPTH) {
        const count = members.length;
        const held: ErrorTree[] = [];
        for (let i = 0; i < Math.min(count, MAX_GROUP_WIDTH) && room(); i++) {
          const member: unknown = members[i];
          held.push(isAnError(member) && !seen.has(member) ? tree(member, depth + 1) : { name: null, message: formatArgs([member]), frames: [] });
        }
        node.exceptions = held;
        node.more = count - held.length;
      }
    } catch {
      delete node.exceptions;
      delete node.more;
    }
    return node;
  };
  const whole = tree(thrown, 0);
  const error: RunError = { name: whole.name, message: whole.message, frames: whole.frames };
  if (read(thrown, "_outsideTask") === true) error.outsideTask = true;
  // Within what one message may carry: a longer report keeps its start and its end.
  if (holdsOthers(whole)) error.report = fitReport(chainedReport(whole).join("\n"));
  if (outOfStack(error)) error.hint = "stack";
  return error;
}

/**
 * The engine ran out of stack: V8's (Chromium, Node) and JavaScriptCore's RangeError,
 * or SpiderMonkey's InternalError. The engine's own words are the only sign it gives.
 */
function outOfStack(error: RunError): boolean {
  return (
    (error.name === "RangeError" && error.message.startsWith("Maximum call stack size exceeded")) ||
    (error.name === "InternalError" && error.message === "too much recursion")
  );
}

function reportUncaught(thrown: unknown): void {
  reports++;
  if (printer.silenced || finished) return;
  flushAll();
  post({ type: "error", error: describe(thrown) });
}

const tick = (ms: number): Promise<void> => new Promise((wake) => setTimer(wake, ms));

/** The program's host timers that have neither fired nor been cleared (an interval until it is cleared). */
const pendingTimers = new Set<unknown>();

/**
 * Puts counting versions of the host's timer functions on the global scope, for the
 * program to call: the run waits for what they left pending. (The loop library keeps
 * its own timers, taken before the program could replace these.)
 */
function countTimers(): void {
  type Fn = (...args: unknown[]) => unknown;
  const g = globalThis as unknown as Record<"setTimeout" | "setInterval" | "clearTimeout" | "clearInterval", Fn>;
  const [setOnce, setEvery, clearOnce, clearEvery] = [g.setTimeout, g.setInterval, g.clearTimeout, g.clearInterval];
  g.setTimeout = (handler, ms, ...args) => {
    // A string handler is code for the host to evaluate: passed on as it is, and not waited for.
    if (typeof handler !== "function") return setOnce(handler, ms, ...args);
    const id = setOnce((...given: unknown[]) => {
      pendingTimers.delete(id);
      (handler as Fn)(...given);
    }, ms, ...args);
    pendingTimers.add(id);
    return id;
  };
  g.setInterval = (handler, ms, ...args) => {
    const id = setEvery(handler, ms, ...args);
    if (typeof handler === "function") pendingTimers.add(id);
    return id;
  };
  // The host lets either clear function clear either kind of timer: so do these.
  g.clearTimeout = g.clearInterval = (id) => {
    pendingTimers.delete(id);
    clearOnce(id);
    clearEvery(id);
  };
}

/**
 * Waits until rejection events that are already on their way have been delivered:
 * the browser fires `unhandledrejection` in a task after the microtasks that left the
 * promise rejected, so the end waits a few turns, and longer while reports keep coming.
 */
async function settle(): Promise<void> {
  const until = now() + SETTLE_MS;
  let seen = -1;
  while (seen !== reports && now() < until) {
    seen = reports;
    await tick(0);
    await tick(0);
  }
}

/**
 * Runs the program's module to its end, or until its top level awaits something that
 * nothing can settle any more: no loop runs and no timer of the program's is pending
 * for UNSETTLED_MS (`await new Promise(() => {})`, a promise whose resolve nobody calls).
 * That ends the run with the site's own error instead of the time limit.
 */
async function evaluate(programUrl: string): Promise<void> {
  let settled = false;
  const module = import(/* @vite-ignore */ programUrl).then(
    () => undefined,
    (error: unknown) => reportUncaught(error),
  );
  void module.finally(() => (settled = true));
  let idleSince: number | null = null;
  while (!settled) {
    await Promise.race([module, tick(20)]);
    if (settled) return;
    const idle = _getRunningLoop() === null && pendingTimers.size === 0;
    idleSince = idle ? (idleSince ?? now()) : null;
    if (idleSince !== null && now() - idleSince >= UNSETTLED_MS) {
      const error = new Error("unsettled top-level await (no loop running, no timer set)");
      reportUncaught(error);
      return;
    }
  }
}

async function run(message: RunMessage): Promise<void> {
  timeOrigin = message.clock === "real" ? now() / 1000 : 0;
  const map = readInlineMap(message.code);
  const programUrl = URL.createObjectURL(new Blob([message.code], { type: "text/javascript" }));
  stacks = new ReaderStacks(programUrl, map ? new SourceMapper(map) : null);
  if (message.trace) {
    trace = createTraceCollector({ post, timeOrigin, locate: () => lineFromStack((frame) => stacks.line(frame)) });
    printer.onLine = (line) => trace?.note(line);
    asyncio.configure({ clock: message.clock, observer: trace.observer });
  } else {
    asyncio.configure({ clock: message.clock });
  }
  captureConsole();
  countTimers();
  await evaluate(programUrl);
  // A program that starts a loop without awaiting it (`asyncio.run(main());`) finishes
  // its module first; the run lasts until the loop stops, as the Python script would,
  // and until the timers it set have fired (the time limit still ends an endless interval).
  while (_getRunningLoop() !== null || pendingTimers.size > 0) await tick(20);
  await settle();
  if (printer.silenced) return;
  flushAll();
  finished = true;
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

/** Makes the worker's own `postMessage` reach nobody: the page listens only to its port. */
function silenceGlobalPost(): void {
  const inert = (): void => undefined;
  for (let o: object | null = globalThis; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, "postMessage")) {
      Object.defineProperty(o, "postMessage", { value: inert, writable: false, configurable: false });
    }
  }
}

/**
 * Called once by the bootstrap with the page's private port, before any reader code
 * exists; later calls (from a program that imported this module again) do nothing.
 */
export function start(port: MessagePort): void {
  if (send) return;
  const postOnPort = MessagePort.prototype.postMessage;
  send = (message) => postOnPort.call(port, message);
  silenceGlobalPost();
  port.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: unknown } | null;
    if (data && data.type === "run") {
      port.onmessage = null;
      void run(data as RunMessage).catch((error: unknown) => {
        // The runner itself failed: say so, and still end the run.
        post({ type: "failed", failure: { key: "runtimeFailed", detail: plainDescription(error) } });
      });
    }
  };
  post({ type: "ready" });
}
