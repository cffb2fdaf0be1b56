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
import { describeThrown } from "./describe-error";
import { formatArgs, plainDescription } from "./inspect";
import { libraryModule } from "./library-module";
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

function reportUncaught(thrown: unknown): void {
  reports++;
  if (printer.silenced || finished) return;
  flushAll();
  post({ type: "error", error: describeThrown(thrown, stacks) });
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
