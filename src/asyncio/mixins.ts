/**
 * What the synchronization primitives and queues share: binding to the loop that
 * first uses them, the `asyncWith` protocol of the lock-like ones, and the FIFO line
 * of waiting futures (park the running task, leave the line however the wait ends).
 *
 * Every waiter is a Future parked in a FIFO list; waking a waiter means `setResult`
 * on its future, which puts the waiting task's step on the ready queue. So "who runs
 * first" is decided by the order of that list, exactly as in CPython.
 *
 * Python: asyncio/mixins.py (`_LoopBoundMixin`) and `locks._ContextManagerMixin`
 */
import type { EventLoop } from "./base-events";
import type { Coroutine } from "./coroutines";
import { CancelledError, RuntimeError } from "./exceptions";
import type { Future } from "./futures";
import { getRunningLoop } from "./loops";

/**
 * Binds a primitive to the first event loop that uses it: the loop running when
 * it first has to wait. Using it later from another loop is an error.
 * @example
 * class Event extends LoopBound { }  // wait() binds it to the running loop
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
 * @example
 * class Lock extends LockLike { }  // gives it aenter() and aexit() for asyncWith
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

/**
 * Remove the first occurrence of `item`, like `deque.remove` (which CPython calls only for present items).
 * @example
 * removeItem(waiters, fut); // [a, fut, b] becomes [a, b]
 * @internal
 */
export function removeItem<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

/**
 * Park the running task in `owner`'s FIFO list of waiters until it is woken
 * (the future's `setResult`): a new future goes at the end of `waiters`, and leaves it
 * however the wait ends. It leaves in a `finally`, before `onCancelled` runs, so a
 * cancelled waiter is no longer in the list when `onCancelled` wakes the next one and
 * cannot wake itself. `onCancelled(woken)` runs when the task is cancelled while
 * waiting; `woken` says whether it had already been woken (and so may hold something,
 * such as a semaphore unit, to pass on). The CancelledError is then re-thrown.
 * @example
 * yield* waitInLine(this, this._waiters); // wait until someone sets our future
 * @internal
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

/**
 * The `[locked, waiters:2]` part of CPython's reprs.
 * @example
 * reprExtra("locked", [f1, f2]); // "locked, waiters:2"
 * @internal
 */
export function reprExtra(state: string, waiters: readonly unknown[] | null): string {
  return waiters !== null && waiters.length > 0 ? `${state}, waiters:${waiters.length}` : state;
}
