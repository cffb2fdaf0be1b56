/**
 * Defaults for loops created later by `newEventLoop()`, `getEventLoop()` and `run()`.
 */
import type { ClockKind } from "./clock";
import type { LoopObserver } from "./observer";

/**
 * Options a loop is created with.
 * @example
 * const loop = asyncio.newEventLoop({ clock: "virtual", observer: (event) => console.log(event.type) });
 */
export interface LoopOptions {
  /** `"real"` (the default) follows the host's clock; `"virtual"` jumps over waits. */
  clock?: ClockKind;
  /** Receives the loop's events (see `LoopEvent`). */
  observer?: LoopObserver | null;
}

const defaults: { clock: ClockKind; observer: LoopObserver | null } = {
  clock: "real",
  observer: null,
};

/**
 * Set the clock and observer of every loop created after this call; options passed to
 * `newEventLoop()` or `run()` still win. Keys left out keep their current default.
 * Throws TypeError for an unknown clock.
 * @example
 * asyncio.configure({ clock: "virtual" });
 * await asyncio.run(main()); // sleeps take no host time
 * Python: asyncio.set_event_loop_policy(...) is the nearest counterpart
 */
export function configure(options: LoopOptions): void {
  if (options.clock !== undefined) defaults.clock = checkClock(options.clock);
  if (options.observer !== undefined) defaults.observer = checkObserver(options.observer);
}

function checkClock(clock: unknown): ClockKind {
  if (clock !== "real" && clock !== "virtual") {
    throw new TypeError(`clock must be "real" or "virtual", got ${String(clock)}`);
  }
  return clock;
}

function checkObserver(observer: unknown): LoopObserver | null {
  if (observer !== null && typeof observer !== "function") {
    throw new TypeError("observer must be a function or null");
  }
  return observer as LoopObserver | null;
}

/**
 * Merge explicit options over the configured defaults.
 * @example
 * _resolveOptions({ clock: "virtual" }); // { clock: "virtual", observer: null } (unless configured)
 * @internal
 */
export function _resolveOptions(options?: LoopOptions): { clock: ClockKind; observer: LoopObserver | null } {
  return {
    clock: options?.clock !== undefined ? checkClock(options.clock) : defaults.clock,
    observer: options?.observer !== undefined ? checkObserver(options.observer) : defaults.observer,
  };
}
