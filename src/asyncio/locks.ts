/**
 * Synchronization primitives, part 1: `Lock` and `Event`. `Semaphore` lives in
 * `semaphores.ts`, `Condition` in `conditions.ts`; the parts they share (the loop
 * binding, the `asyncWith` protocol, the line of waiters) in `mixins.ts`.
 *
 * Every waiter is a Future parked in a FIFO list; waking a waiter means
 * `setResult` on its future, which puts the waiting task's step on the ready
 * queue. So "who runs first" is decided by the order of that list, exactly as
 * in CPython's `locks.py`.
 *
 * Python: asyncio/locks.py
 */
import type { Coroutine } from "./coroutines";
import { RuntimeError } from "./exceptions";
import type { Future } from "./futures";
import { LockLike, LoopBound, reprExtra, waitInLine } from "./mixins";

/**
 * A mutual-exclusion lock: one task holds it, the others wait in FIFO order.
 * `release()` on an unlocked lock throws `RuntimeError("Lock is not acquired.")`.
 * Not owned by a task: any task may release it.
 *
 * Invariant: `_waiters` holds one future per task blocked in `acquire()`, in the
 * order they arrived; `release()` wakes only the first one, which then takes the
 * lock when its task runs (unless a newcomer took it first, see `acquire()`).
 *
 * @example
 * const lock = new asyncio.Lock();
 * yield* asyncio.asyncWith(lock, function* () {
 *   yield* asyncio.sleep(1); // only one task at a time runs this
 * });
 *
 * Python: asyncio.Lock
 */
export class Lock extends LockLike {
  /** @internal Futures of the tasks waiting in `acquire()`, oldest first (created lazily, as in CPython). */
  _waiters: Future<boolean>[] | null = null;
  /** @internal */
  _locked = false;

  /**
   * True if some task holds the lock.
   * @example
   * const lock = new asyncio.Lock();
   * lock.locked(); // false
   * Python: lock.locked()
   */
  locked(): boolean {
    return this._locked;
  }

  /**
   * Acquire the lock, waiting until it is free; returns true. A task cancelled while
   * waiting passes its wake-up on to the next waiter.
   * @example
   * yield* lock.acquire();
   * try { console.log("mine"); } finally { lock.release(); }
   * Python: await lock.acquire()
   */
  *acquire(): Coroutine<boolean> {
    // Fast path: free, and nobody (still interested) is queued ahead of us.
    if (!this._locked && (this._waiters === null || this._waiters.every((w) => w.cancelled()))) {
      this._locked = true;
      return true;
    }
    yield* waitInLine(this, (this._waiters ??= []), () => {
      // We were woken (or the lock is free) but will not take it: wake the next one.
      if (!this._locked) this._wakeUpFirst();
    });
    this._locked = true;
    return true;
  }

  /**
   * Release the lock and wake the first waiter. Throws `RuntimeError("Lock is not
   * acquired.")` if the lock is not locked.
   * @example
   * yield* lock.acquire();
   * lock.release(); // the first waiter, if any, takes it next
   * Python: lock.release()
   */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._wakeUpFirst();
  }

  /** @internal Wake the first waiter unless it is already done (then it wakes up anyway and re-checks). */
  _wakeUpFirst(): void {
    const first = this._waiters?.[0];
    if (first !== undefined && !first.done()) first.setResult(true);
  }

  /** Like CPython's repr: `<Lock [locked, waiters:1]>`. */
  override toString(): string {
    return `<Lock [${reprExtra(this._locked ? "locked" : "unlocked", this._waiters)}]>`;
  }
}
Object.defineProperty(Lock, "name", { value: "Lock" });

/**
 * A flag tasks can wait for: `set()` wakes every waiter (in the order they
 * started waiting), `clear()` resets it.
 *
 * @example
 * const ready = new asyncio.Event();
 * asyncio.getRunningLoop().callLater(1, () => ready.set());
 * yield* ready.wait(); // returns true after 1 second
 *
 * Python: asyncio.Event
 */
export class Event extends LoopBound {
  /** @internal Futures of the tasks blocked in `wait()`, oldest first. */
  _waiters: Future<boolean>[] = [];
  /** @internal */
  _value = false;

  /**
   * True if the flag is set.
   * @example
   * const ev = new asyncio.Event();
   * ev.isSet(); // false
   * Python: event.is_set()
   */
  isSet(): boolean {
    return this._value;
  }

  /**
   * Set the flag and wake every waiting task; later `wait()` calls return at once.
   * @example
   * ev.set(); // every task in ev.wait() wakes up
   * Python: event.set()
   */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (const fut of this._waiters) {
      if (!fut.done()) fut.setResult(true);
    }
  }

  /**
   * Reset the flag: `wait()` blocks again until the next `set()`.
   * @example
   * ev.clear(); // ev.wait() blocks again
   * Python: event.clear()
   */
  clear(): void {
    this._value = false;
  }

  /**
   * Wait until the flag is set; returns true.
   * @example
   * yield* ev.wait(); // returns at once if ev is set
   * Python: await event.wait()
   */
  *wait(): Coroutine<true> {
    if (this._value) return true;
    yield* waitInLine(this, this._waiters);
    return true;
  }

  /** Like CPython's repr: `<Event [set, waiters:2]>`. */
  override toString(): string {
    return `<Event [${reprExtra(this._value ? "set" : "unset", this._waiters)}]>`;
  }
}
Object.defineProperty(Event, "name", { value: "Event" });
