/**
 * Condition variables: tasks holding a lock wait for another task to
 * `notify()` them, releasing the lock while they wait and taking it back
 * before `wait()` returns.
 *
 * Python: asyncio/locks.py (Condition)
 */
import type { Coroutine } from "./coroutines";
import { AttributeError, CancelledError, RuntimeError } from "./exceptions";
import type { Future } from "./futures";
import { Lock } from "./locks";
import { LockLike, reprExtra, waitInLine } from "./mixins";
import { pyTypeName } from "./py-compare";

/**
 * A condition variable over `lock` (a new `Lock` if none is given).
 * `wait()` and `notify()` need the lock held, else they throw
 * `RuntimeError("cannot wait on un-acquired lock")` /
 * `RuntimeError("cannot notify on un-acquired lock")`.
 * Waiters are notified in the order they started waiting.
 *
 * @example
 * const cond = new asyncio.Condition();
 * yield* asyncio.asyncWith(cond, function* () {
 *   yield* cond.waitFor(() => items.length > 0);
 *   console.log(items.shift());
 * });
 *
 * Python: asyncio.Condition
 */
export class Condition extends LockLike {
  /** @internal The underlying lock, whose `locked/acquire/release` this condition exports. */
  _lock: Lock;
  /** @internal Futures of the tasks blocked in `wait()`, oldest first. */
  _waiters: Future<boolean>[] = [];

  constructor(lock: Lock | null = null) {
    super();
    if (lock !== null && lock !== undefined && typeof (lock as { locked?: unknown }).locked !== "function") {
      throw new AttributeError(`'${pyTypeName(lock)}' object has no attribute 'locked'`); // self.locked = lock.locked
    }
    this._lock = lock ?? new Lock();
  }

  /**
   * True if the underlying lock is held.
   * @example
   * const cond = new asyncio.Condition();
   * cond.locked(); // false
   * Python: condition.locked()
   */
  locked(): boolean {
    return this._lock.locked();
  }

  /**
   * Acquire the underlying lock.
   * @example
   * yield* cond.acquire();
   * try { cond.notify(); } finally { cond.release(); }
   * Python: await condition.acquire()
   */
  *acquire(): Coroutine<boolean> {
    return yield* this._lock.acquire();
  }

  /**
   * Release the underlying lock.
   * @example
   * cond.release(); // the underlying lock is free again
   * Python: condition.release()
   */
  release(): void {
    this._lock.release();
  }

  /**
   * Release the lock, wait until notified, then take the lock back; returns true. The
   * lock is re-acquired even if the wait is cancelled; the CancelledError is re-raised
   * afterwards.
   * @example
   * yield* asyncio.asyncWith(cond, function* () {
   *   yield* cond.wait(); // lock released while waiting, held again after
   * });
   * Python: await condition.wait()
   */
  *wait(): Coroutine<true> {
    if (!this.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
    this.release();
    try {
      yield* waitInLine(this, this._waiters);
      return true;
    } finally {
      // Must take the lock back even if cancelled, and however often we are cancelled.
      let cancelled = false;
      for (;;) {
        try {
          yield* this.acquire();
          break;
        } catch (e) {
          if (!(e instanceof CancelledError)) throw e;
          cancelled = true;
        }
      }
      if (cancelled) throw new CancelledError();
    }
  }

  /**
   * Wait until `predicate()` is truthy, checking it first and after each wake-up;
   * returns its final value.
   * @example
   * yield* asyncio.asyncWith(cond, function* () {
   *   yield* cond.waitFor(() => items.length > 0);
   * });
   * Python: await condition.wait_for(predicate)
   */
  *waitFor<R>(predicate: () => R): Coroutine<R> {
    if (typeof predicate !== "function") throw new TypeError(`'${pyTypeName(predicate)}' object is not callable`);
    let result = predicate();
    while (!result) {
      yield* this.wait();
      result = predicate();
    }
    return result;
  }

  /**
   * Wake up to `n` waiting tasks (default 1). They return from `wait()` only once they
   * get the lock, so the caller should release it.
   * @example
   * yield* asyncio.asyncWith(cond, function* () {
   *   items.push(1);
   *   cond.notify(); // one waiter wakes once the lock is released
   * });
   * Python: condition.notify(n=1)
   */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    let woken = 0;
    for (const fut of this._waiters) {
      if (woken >= n) break;
      if (!fut.done()) {
        woken += 1;
        fut.setResult(false);
      }
    }
  }

  /**
   * Wake every waiting task.
   * @example
   * yield* asyncio.asyncWith(cond, function* () { cond.notifyAll(); });
   * Python: condition.notify_all()
   */
  notifyAll(): void {
    this.notify(this._waiters.length);
  }

  /** Like CPython's repr: `<Condition [locked, waiters:1]>`. */
  override toString(): string {
    return `<Condition [${reprExtra(this.locked() ? "locked" : "unlocked", this._waiters)}]>`;
  }
}
Object.defineProperty(Condition, "name", { value: "Condition" });
