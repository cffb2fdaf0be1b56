/**
 * The worker's side of the visualizer: collects the loop's observer events during a run
 * and posts them to the page in batches, within a fixed bound. No DOM: it runs inside
 * the sandbox worker, next to the loop library.
 *
 * The message it posts is the visualizer's own; the runner forwards it to the page's
 * trace sink (./index.ts) untouched.
 */
import type { LoopEvent } from "../asyncio/observer";
import { DEFAULT_EVENT_LIMIT, RingBuffer } from "./ring";
import type { TraceEvent } from "./trace";

/** Worker → page: a batch of events; `dropped` counts events this batch had to let go. */
export interface TraceMessage {
  type: "trace";
  events: TraceEvent[];
  dropped: number;
}

/**
 * Narrows an unknown `MessageEvent.data` to a trace batch.
 * @example
 * worker.onmessage = (e) => { if (isTraceMessage(e.data)) sink.accept(e.data); };
 */
export function isTraceMessage(data: unknown): data is TraceMessage {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Partial<TraceMessage>;
  return d.type === "trace" && Array.isArray(d.events) && typeof d.dropped === "number";
}

export interface TraceCollectorOptions {
  post: (message: TraceMessage) => void;
  /** The reader's source line running now, or null (see `lineFromStack`). */
  locate?: () => number | null;
  /** Events held between two posts at most; older ones are dropped and counted. */
  limit?: number;
  /** Post at least this often while events keep coming (ms). */
  flushMs?: number;
  /** …or as soon as this many events wait. */
  batch?: number;
  /**
   * Subtracted from every time and deadline, so a real-clock run reads from 0 like its
   * output does (the runner's `timeOrigin`); 0 for the virtual clock.
   */
  timeOrigin?: number;
}

export interface TraceCollector {
  /** Pass to `asyncio.configure({ observer })`. */
  observer: (event: LoopEvent) => void;
  /** Record a printed line (stamped with the loop time and iteration of the last event). */
  note: (text: string) => void;
  /** Post what is waiting now (call before the run's last message). */
  flush: () => void;
}

/** Event kinds that happen while the reader's code is on the stack (worth a line). */
const LOCATABLE = new Set<LoopEvent["type"]>(["schedule", "cancel", "task-create", "future-create", "future-done"]);

/**
 * Collect events in the worker and post them in batches.
 * @example
 * const trace = createTraceCollector({ post: (m) => self.postMessage(m) });
 * asyncio.configure({ clock: "virtual", observer: trace.observer });
 */
export function createTraceCollector(options: TraceCollectorOptions): TraceCollector {
  const { post, locate } = options;
  const flushMs = options.flushMs ?? 50;
  const batch = options.batch ?? 500;
  let ring = new RingBuffer<TraceEvent>(options.limit ?? DEFAULT_EVENT_LIMIT);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFlush = 0;
  let time = 0;
  let iteration = 0;
  const origin = options.timeOrigin ?? 0;

  const flush = (): void => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    lastFlush = Date.now();
    if (ring.size === 0 && ring.dropped === 0) return;
    post({ type: "trace", events: ring.toArray(), dropped: ring.dropped });
    ring = new RingBuffer<TraceEvent>(ring.capacity);
  };

  const add = (event: TraceEvent): void => {
    ring.push(event);
    if (ring.size >= batch || Date.now() - lastFlush >= flushMs) flush();
    else timer ??= setTimeout(flush, flushMs);
  };

  return {
    observer: (raw) => {
      const event = origin === 0 ? raw : shiftTime(raw, origin);
      time = event.time;
      iteration = event.iteration;
      if (locate !== undefined && LOCATABLE.has(event.type)) {
        const line = locate();
        add(line === null ? event : { ...event, line });
      } else {
        add(event);
      }
    },
    note: (text) => add({ type: "output", text, time, iteration }),
    flush,
  };
}

/** The event with `origin` subtracted from its time and deadlines (a copy). */
function shiftTime(e: LoopEvent, origin: number): LoopEvent {
  const time = e.time - origin;
  switch (e.type) {
    case "iteration":
      return { ...e, time, timers: e.timers.map((t) => ({ ...t, when: t.when - origin })) };
    case "schedule":
    case "cancel":
      return e.when === undefined ? { ...e, time } : { ...e, time, when: e.when - origin };
    default:
      return { ...e, time };
  }
}

/** A frame of the loop's turn: frames below it belong to whoever started the loop. */
const LOOP_TURN_FRAME = /[.\s](_dispatch|_runOnce)\b/;

/**
 * The innermost frame of the current stack that `frameLine` maps to a line of the
 * reader's code, looking only above the loop's turn: below `_dispatch` lies the code
 * that started the loop (`await asyncio.run(...)`), which is not what runs now, and is
 * not even on the stack after the loop has handed control back to the host once.
 * Raises the stack depth for the call: the loop's own frames come first.
 * @example
 * locate: () => lineFromStack((f) => f.includes(programUrl) ? locateInStack(f, programUrl, mapper, USER_FILE)?.line ?? null : null)
 */
export function lineFromStack(frameLine: (frame: string) => number | null): number | null {
  const E = Error as ErrorConstructor & { stackTraceLimit?: number };
  const saved = E.stackTraceLimit;
  E.stackTraceLimit = 40;
  const stack = new Error().stack ?? "";
  E.stackTraceLimit = saved;
  for (const frame of stack.split("\n")) {
    if (LOOP_TURN_FRAME.test(frame)) return null;
    const line = frameLine(frame);
    if (line !== null) return line;
  }
  return null;
}
