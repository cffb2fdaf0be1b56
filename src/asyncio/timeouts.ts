/**
 * `timeout()` and `timeoutAt()`: a deadline for a block of code. At the
 * deadline a timer handle cancels the task running the block; when the
 * CancelledError comes out of the block, `aexit()` recognises its own
 * cancellation (through `Task.uncancel()`) and turns it into TimeoutError.
 *
 * Python: asyncio/timeouts.py
 */
import type { Coroutine, TaggedFunction } from "./coroutines";
import { _reprFloat } from "./coroutines";
import type { Handle } from "./events";
import { CancelledError, RuntimeError, TimeoutError } from "./exceptions";
import { getRunningLoop } from "./loops";
import { _pyNumber } from "./py-compare";
import type { Task } from "./tasks";
import { currentTask } from "./task-registry";
import { _missingArguments } from "./arity";

/** created → active (entered) → expiring (deadline hit, task cancelled) → expired, or active → finished. */
type TimeoutState = "created" | "active" | "expiring" | "expired" | "finished";

/**
 * An async context manager that cancels the block it guards at a loop time
 * (`when`; `null`: never) and raises TimeoutError out of the block instead of
 * the CancelledError. Made by `timeout()` / `timeoutAt()`; its value in
 * `asyncWith` is itself, so the block can `reschedule()` it.
 * Throws RuntimeError when entered twice, outside a task, or rescheduled when
 * not active.
 *
 * Invariant: `_timeoutHandler` is the pending handle that will call
 * `_onTimeout` (or null); `_cancelling` is the task's `cancelling()` count on
 * entry, so `aexit()` can tell its own cancellation from someone else's.
 *
 * @example
 * yield* asyncio.asyncWith(asyncio.timeout(10), function* (cm) {
 *   cm.reschedule(asyncio.getRunningLoop().time() + 20); // more time
 *   yield* longJob();
 * });
 *
 * Python: asyncio.Timeout
 */
export class Timeout {
  /** @internal */ _state: TimeoutState = "created";
  /** @internal */ _timeoutHandler: Handle | null = null;
  /** @internal */ _task: Task | null = null;
  /** @internal */ _cancelling = 0;
  /** @internal */ _when: number | null;
  /** @internal `_onTimeout` bound to this timeout, named for the observer. */
  _onTimeoutCallback: () => void;

  /** Schedule a timeout for loop time `when` (`null`: never). Prefer `timeout()` / `timeoutAt()`. */
  constructor(when: number | null) {
    this._when = when;
    this._onTimeoutCallback = () => this._onTimeout();
    (this._onTimeoutCallback as TaggedFunction)._asyncioName = "Timeout._on_timeout";
  }

  /** The deadline (loop time), or null for none. */
  when(): number | null {
    return this._when;
  }

  /**
   * Move the deadline to loop time `when` (`null`: none); a time already past
   * fires on the next loop turn. Only while the block runs.
   */
  reschedule(when: number | null): void {
    if (this._state !== "active") {
      if (this._state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    this._timeoutHandler?.cancel();
    if (when === null || when === undefined) {
      this._timeoutHandler = null;
    } else {
      const loop = getRunningLoop();
      const at = _pyNumber(when, "<=", "float"); // when <= loop.time()
      this._timeoutHandler = at <= loop.time()
        ? loop.callSoon(this._onTimeoutCallback)
        : loop.callAt(at, this._onTimeoutCallback);
    }
  }

  /** True if the deadline passed while the block ran. */
  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  /** Like CPython's repr: `<Timeout [active] when=10.0>`. */
  toString(): string {
    if (this._state !== "active") return `<Timeout [${this._state}]>`;
    const when = this._when === null ? "None" : _reprFloat(Math.round(this._when * 1000) / 1000);
    return `<Timeout [active] when=${when}>`;
  }

  /** Start the clock: remember the current task and schedule the deadline. Python: `__aenter__`. */
  *aenter(): Coroutine<this> {
    if (this._state !== "created") throw new RuntimeError("Timeout has already been entered");
    const task = currentTask();
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = "active";
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
    return this;
  }

  /**
   * Stop the clock. If the deadline fired and the block ended with the
   * CancelledError it caused (no other cancel request pending), throw
   * TimeoutError with that CancelledError as `cause`. Python: `__aexit__`.
   */
  *aexit(type: unknown, exc: unknown, _tb: unknown): Coroutine<null> {
    this._timeoutHandler?.cancel();
    this._timeoutHandler = null;
    if (this._state === "expiring") {
      this._state = "expired";
      // uncancel() first, always: it undoes our own cancel() request.
      if ((this._task as Task).uncancel() <= this._cancelling && type === CancelledError) {
        // No newer cancel request: the CancelledError is ours to turn into TimeoutError.
        const err = new TimeoutError();
        err.cause = exc;
        throw err;
      }
    } else if (this._state === "active") {
      this._state = "finished";
    }
    return null;
  }

  /** @internal The deadline: cancel the task running the block. */
  _onTimeout(): void {
    (this._task as Task).cancel();
    this._state = "expiring";
    this._timeoutHandler = null; // drop the reference early
  }
}
Object.defineProperty(Timeout, "name", { value: "Timeout" });

/**
 * A `Timeout` that fires `delay` seconds from now (`null`: never). Must be
 * called while a loop runs (RuntimeError otherwise).
 *
 * @example
 * try {
 *   yield* asyncio.asyncWith(asyncio.timeout(1), function* () {
 *     yield* asyncio.sleep(5);
 *   });
 * } catch (e) {
 *   if (e instanceof asyncio.TimeoutError) console.log("timed out");
 * }
 *
 * Python: asyncio.timeout(delay)
 */
export function timeout(delay: number | null): Timeout {
  if (arguments.length < 1) throw _missingArguments("timeout", ["delay"]);
  const loop = getRunningLoop();
  if (delay === null || delay === undefined) return new Timeout(null);
  return new Timeout(loop.time() + _pyNumber(delay, "+", "float"));
}

/**
 * A `Timeout` that fires at loop time `when` (`null`: never); a time already
 * past fires on the next loop turn.
 *
 * @example
 * const loop = asyncio.getRunningLoop();
 * yield* asyncio.asyncWith(asyncio.timeoutAt(loop.time() + 10), function* () {
 *   yield* longJob();
 * });
 *
 * Python: asyncio.timeout_at(when)
 */
export function timeoutAt(when: number | null): Timeout {
  if (arguments.length < 1) throw _missingArguments("timeoutAt", ["when"]);
  return new Timeout(when);
}
