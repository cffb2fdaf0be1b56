/**
 * Where the loop's time comes from, and how it gives control back to the host.
 *
 * - `"virtual"`: time starts at 0 and only moves when the loop is idle, by exactly the
 *   select timeout CPython's `_run_once` computes. Nothing ever waits on the host.
 * - `"real"`: time is the host's monotonic clock (`performance.now()`, in seconds); an
 *   idle loop sleeps on one host timer until the next deadline.
 * @internal
 */

/**
 * The two clocks a loop can run on.
 * @example
 * const loop = asyncio.newEventLoop({ clock: "virtual" }); // sleeps take no real time
 */
export type ClockKind = "real" | "virtual";

/**
 * Python's `time.get_clock_info('monotonic').resolution` on Linux: a timer is due
 * when its deadline is below `time() + CLOCK_RESOLUTION`.
 * @example
 * const endTime = loop.time() + CLOCK_RESOLUTION; // timers due before this run now
 */
export const CLOCK_RESOLUTION = 1e-9;

/**
 * CPython's `MAXIMUM_SELECT_TIMEOUT`: one day, the longest a single idle wait lasts.
 * @example
 * timeout = Math.min(timers.peekWhen() - loop.time(), MAXIMUM_SELECT_TIMEOUT);
 */
export const MAXIMUM_SELECT_TIMEOUT = 24 * 3600;

/**
 * Hand control back to the host at least this often while running flat out (ms).
 * @example
 * if (hostNowMs() - lastYield >= HOST_YIELD_INTERVAL_MS) yieldToHost(resume);
 */
export const HOST_YIELD_INTERVAL_MS = 10;

/**
 * While running flat out, the loop reads the host clock about this often (ms), not
 * after every turn: a read costs as much as a short turn. See `nextTurnsPerCheck`.
 * @example
 * nextTurnsPerCheck(8, HOST_CHECK_INTERVAL_MS / 4); // 16: the period was short
 */
export const HOST_CHECK_INTERVAL_MS = 1;

/**
 * The most turns between two reads of the host clock.
 * @example
 * nextTurnsPerCheck(MAX_TURNS_PER_CHECK, 0.1); // stays 64
 */
export const MAX_TURNS_PER_CHECK = 64;

/**
 * How many turns to run before the next read of the host clock, given how many ran
 * before this read (`turns`) and how long they took (`elapsedMs`). The count doubles
 * while a check period stays under half of `HOST_CHECK_INTERVAL_MS` (so the next period
 * stays under the whole interval at the same pace), and starts again from 1 as soon as
 * a period took longer than the interval (the turns got slower).
 * @example
 * nextTurnsPerCheck(4, 0.2); // 8: four turns took 0.2 ms, check half as often
 * nextTurnsPerCheck(4, 5); // 1: they took 5 ms, check after every turn
 */
export function nextTurnsPerCheck(turns: number, elapsedMs: number): number {
  if (elapsedMs > HOST_CHECK_INTERVAL_MS) return 1;
  if (elapsedMs < HOST_CHECK_INTERVAL_MS / 2 && turns < MAX_TURNS_PER_CHECK) return turns * 2;
  return turns;
}

const perf: { now(): number } = globalThis.performance ?? Date;

/**
 * The host's monotonic clock in seconds.
 * @example
 * const t = realTime(); // e.g. 12.345678 (seconds since the page started)
 */
export function realTime(): number {
  return perf.now() / 1000;
}

/**
 * The host's monotonic clock in milliseconds (for the host-yield budget).
 * @example
 * const started = hostNowMs();
 * const spentMs = hostNowMs() - started;
 */
export function hostNowMs(): number {
  return perf.now();
}

type Callback = () => void;

interface HostScheduler {
  /** Run `cb` on a later host turn, after pending timers and I/O may run. */
  yieldToHost(cb: Callback): void;
}

function makeScheduler(): HostScheduler {
  const g = globalThis as { setImmediate?: (cb: Callback) => unknown };
  if (typeof g.setImmediate === "function") {
    // Node: setImmediate runs after the timers and I/O phase, no 1 ms clamp.
    const setImmediate = g.setImmediate;
    return { yieldToHost: (cb) => { setImmediate(cb); } };
  }
  if (typeof MessageChannel === "function") {
    // Browsers and workers: a message turn is a real macrotask, and unlike
    // setTimeout(0) it is not clamped to 4 ms once nested.
    const channel = new MessageChannel();
    const queue: Callback[] = [];
    channel.port1.onmessage = () => {
      const cb = queue.shift();
      if (cb !== undefined) cb();
    };
    return {
      yieldToHost: (cb) => {
        queue.push(cb);
        channel.port2.postMessage(null);
      },
    };
  }
  return { yieldToHost: (cb) => { setTimeout(cb, 0); } };
}

let scheduler: HostScheduler | null = null;

/** The host's timer functions as they were when the library loaded: a program that replaces the globals does not reach the loop's own timers. */
const setHostTimeout = setTimeout;
const clearHostTimeout = clearTimeout;

/**
 * Run `cb` on a later host macrotask (setImmediate in Node, a MessageChannel message in browsers).
 * @example
 * yieldToHost(loop._pumpCb); // let the page have its turn, then run the loop on
 */
export function yieldToHost(cb: Callback): void {
  (scheduler ??= makeScheduler()).yieldToHost(cb);
}

/**
 * Run `cb` after `ms` milliseconds on a host timer; returns a function that cancels it.
 * @example
 * const cancel = hostTimer(() => console.log("250 ms later"), 250);
 * cancel(); // it never fires
 */
export function hostTimer(cb: Callback, ms: number): () => void {
  const id = setHostTimeout(cb, Math.max(0, ms));
  return () => clearHostTimeout(id);
}
