/**
 * Counting semaphores. A semaphore holds a counter: `acquire()` takes one
 * (waiting while it is 0), `release()` gives one back and wakes the first
 * waiter, who is handed the unit right away so a newcomer cannot steal it.
 *
 * Python: asyncio/locks.py (Semaphore, BoundedSemaphore)
 */
import type { Coroutine } from "./coroutines";
import { ValueError } from "./exceptions";
import type { Future } from "./futures";
import { LockLike, reprExtra, waitInLine } from "./mixins";
import { _pyNumber } from "./py-compare";

/**
 * A semaphore with `value` units (default 1). `acquire()` waits while none is
 * free; waiters are served in FIFO order.
 * Throws `ValueError("Semaphore initial value must be >= 0")` for a negative value.
 *
 * Invariant: when `_wakeUpNext()` wakes a waiter it has already taken the unit
 * for it (`_value -= 1`); a waiter cancelled after that gives the unit back.
 *
 * @example
 * const sem = new asyncio.Semaphore(2);
 * yield* asyncio.asyncWith(sem, function* () {
 *   yield* asyncio.sleep(1); // at most two tasks here at a time
 * });
 *
 * Python: asyncio.Semaphore
 */
export class Semaphore extends LockLike {
  /** @internal Futures of the tasks waiting in `acquire()`, oldest first (created lazily, as in CPython). */
  _waiters: Future<boolean>[] | null = null;
  /** @internal Free units. */
  _value: number;

  constructor(value = 1) {
    super();
    value = _pyNumber(value, "<", "int");
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this._value = value;
  }

  /**
   * True if `acquire()` would have to wait: no unit free, or someone is queued.
   * @example
   * const sem = new asyncio.Semaphore(2);
   * sem.locked(); // false: two units free
   * Python: semaphore.locked()
   */
  locked(): boolean {
    return this._value === 0 || (this._waiters ?? []).some((w) => !w.cancelled());
  }

  /**
   * Take one unit, waiting in line if none is free; returns true.
   * @example
   * yield* sem.acquire();
   * try { yield* asyncio.sleep(1); } finally { sem.release(); }
   * Python: await semaphore.acquire()
   */
  *acquire(): Coroutine<boolean> {
    if (!this.locked()) {
      this._value -= 1;
      return true;
    }
    yield* waitInLine(this, (this._waiters ??= []), (woken) => {
      if (!woken) return;
      // Woken (the unit was taken for us) but cancelled before running: give it back.
      this._value += 1;
      this._wakeUpNext();
    });
    if (this._value > 0) this._wakeUpNext();
    return true;
  }

  /**
   * Give one unit back and wake the first waiter.
   * @example
   * sem.release(); // one unit back; the first waiter gets it
   * Python: semaphore.release()
   */
  release(): void {
    this._value += 1;
    this._wakeUpNext();
  }

  /** @internal Wake the first waiter that is not done, taking a unit on its behalf. */
  _wakeUpNext(): void {
    if (this._waiters === null) return;
    for (const fut of this._waiters) {
      if (!fut.done()) {
        this._value -= 1;
        fut.setResult(true);
        return;
      }
    }
  }

  /** Like CPython's repr: `<Semaphore [unlocked, value:2]>`. */
  override toString(): string {
    const state = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    return `<${this.constructor.name} [${reprExtra(state, this._waiters)}]>`;
  }
}
Object.defineProperty(Semaphore, "name", { value: "Semaphore" });

/**
 * A semaphore that refuses to be released above its initial value:
 * `release()` then throws `ValueError("BoundedSemaphore released too many times")`.
 *
 * @example
 * const sem = new asyncio.BoundedSemaphore(1);
 * yield* sem.acquire();
 * sem.release();
 * sem.release(); // ValueError: BoundedSemaphore released too many times
 *
 * Python: asyncio.BoundedSemaphore
 */
export class BoundedSemaphore extends Semaphore {
  /** @internal The initial value, which `release()` may not exceed. */
  _boundValue: number;

  constructor(value = 1) {
    super(value);
    this._boundValue = value;
  }

  override release(): void {
    if (this._value >= this._boundValue) {
      throw new ValueError("BoundedSemaphore released too many times");
    }
    super.release();
  }
}
Object.defineProperty(BoundedSemaphore, "name", { value: "BoundedSemaphore" });
