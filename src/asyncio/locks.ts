/**
 * Synchronization primitives, part 1: the loop binding every primitive shares,
 * the `asyncWith` protocol of the lock-like ones, `Lock` and `Event`.
 * `Semaphore` lives in `semaphores.ts`, `Condition` in `conditions.ts`.
 *
 * Every waiter is a Future parked in a FIFO list; waking a waiter means
 * `setResult` on its future, which puts the waiting task's step on the ready
 * queue. So "who runs first" is decided by the order of that list, exactly as
 * in CPython's `locks.py`.
 *
 * Python: asyncio/locks.py and asyncio/mixins.py
 */
import type { EventLoop } from "./base-events";
import type { Coroutine } from "./coroutines";
import { CancelledError, RuntimeError } from "./exceptions";
import type { Future } from "./futures";
import { getRunningLoop } from "./loops";

/**
 * Binds a primitive to the first event loop that uses it: the loop running when
 * it first has to wait. Using it later from another loop is an error.
 * @internal
 * Python: asyncio.mixins._LoopBoundMixin
 */
export abstract class LoopBound {
  /** @internal The loop this object belongs to, set on first use. */
  _loop: EventLoop | null = null;

  /** @internal A readable form for error messages, like CPython's repr. */
  abstract toString(): string;

  /** @internal The running loop; throws if it is not the loop this object is bound to. */
  _getLoop(): EventLoop {
    const loop = getRunningLoop();
    if (this._loop === null) this._loop = loop;
    if (loop !== this._loop) {
      throw new RuntimeError(`${this.toString()} is bound to a different event loop`);
    }
    return loop;
  }
}

/**
 * The `asyncWith` protocol of `Lock`, `Semaphore` and `Condition`: `aenter()`
 * acquires, `aexit()` releases. The value of the block is `undefined`.
 * @internal
 * Python: asyncio.locks._ContextManagerMixin
 */
export abstract class LockLike extends LoopBound {
  /** Acquire the primitive, waiting if needed. */
  abstract acquire(): Coroutine<boolean>;
  /** Release the primitive. */
  abstract release(): void;

  /** Acquires; `async with lock:` has no use for an `as` value. */
  *aenter(): Coroutine<undefined> {
    yield* this.acquire();
    return undefined;
  }

  /** Releases, whether or not the block raised; never suppresses the error. */
  *aexit(_type: unknown, _exc: unknown, _tb: unknown): Coroutine<void> {
    this.release();
  }
}

/** @internal Remove the first occurrence of `item`, like `deque.remove` (which CPython calls only for present items). */
export function removeItem<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

/**
 * @internal Park the running task in `owner`'s FIFO list of waiters until it is woken
 * (the future's `setResult`): a new future goes at the end of `waiters`, and leaves it
 * however the wait ends. It leaves in a `finally`, before `onCancelled` runs, so a
 * cancelled waiter is no longer in the list when `onCancelled` wakes the next one and
 * cannot wake itself. `onCancelled(woken)` runs when the task is cancelled while
 * waiting; `woken` says whether it had already been woken (and so may hold something,
 * such as a semaphore unit, to pass on). The CancelledError is then re-thrown.
 *
 * Python: CPython writes these steps out in each of `Lock.acquire`, `Semaphore.acquire`,
 * `Event.wait` and `Condition.wait` (`fut = self._get_loop().create_future()`,
 * `self._waiters.append(fut)`, `await fut`, `self._waiters.remove(fut)` in a `finally`).
 */
export function* waitInLine(
  owner: LoopBound,
  waiters: Future<boolean>[],
  onCancelled?: (woken: boolean) => void,
): Coroutine<void> {
  const fut = owner._getLoop().createFuture<boolean>();
  waiters.push(fut);
  try {
    try {
      yield* fut;
    } finally {
      removeItem(waiters, fut);
    }
  } catch (e) {
    if (onCancelled !== undefined && e instanceof CancelledError) onCancelled(!fut.cancelled());
    throw e;
  }
}

/** @internal The `[locked, waiters:2]` part of CPython's reprs. */
export function reprExtra(state: string, waiters: readonly unknown[] | null): string {
  return waiters !== null && waiters.length > 0 ? `${state}, waiters:${waiters.length}` : state;
}

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

  /** True if some task holds the lock. */
  locked(): boolean {
    return this._locked;
  }

  /**
   * Acquire the lock, waiting until it is free; returns true.
   * A task cancelled while waiting passes its wake-up on to the next waiter.
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
   * Release the lock and wake the first waiter.
   * Throws `RuntimeError("Lock is not acquired.")` if the lock is not locked.
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

  /** True if the flag is set. Python: `is_set()`. */
  isSet(): boolean {
    return this._value;
  }

  /** Set the flag and wake every waiting task; later `wait()` calls return at once. */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (const fut of this._waiters) {
      if (!fut.done()) fut.setResult(true);
    }
  }

  /** Reset the flag: `wait()` blocks again until the next `set()`. */
  clear(): void {
    this._value = false;
  }

  /** Wait until the flag is set; returns true. */
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
