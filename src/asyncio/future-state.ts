/**
 * The state of a future, kept small: which of pending, cancelled or finished it is
 * (`_state`, the low two bits of `_flags`), what it holds (`_result`) and its flag bits
 * (the rest of `_flags`), for futures and tasks alike.
 *
 * A future never needs its result, its exception and its cancel message at the same
 * time, so one field holds whichever applies and a bit says which. The flags that
 * CPython keeps as separate fields (`_asyncio_future_blocking`, `_log_traceback`, a
 * task's `_must_cancel` and `_num_cancels_requested`) are bits of one number: 100k
 * pending tasks are 100k live futures, and the garbage collector copies every byte.
 *
 * The free functions below read and write the cancel state through those fields; the
 * Future class (futures.ts) and Task (tasks.ts, task-step.ts) call them.
 * @internal
 */
import { CancelledError } from "./exceptions";

/**
 * `_state` while the future has no outcome yet.
 * @example
 * fut._state === _PENDING; // fut.done() is false
 * @internal
 */
export const _PENDING = 0;
/**
 * `_state` once cancelled.
 * @example
 * fut.cancel(); fut._state === _CANCELLED; // true
 * @internal
 */
export const _CANCELLED = 1;
/**
 * `_state` once it has a result or an exception.
 * @example
 * fut.setResult(1); fut._state === _FINISHED; // true
 * @internal
 */
export const _FINISHED = 2;
/**
 * One of the three states.
 * @example
 * const s: FutureState = fut._state;
 * @internal
 */
export type FutureState = typeof _PENDING | typeof _CANCELLED | typeof _FINISHED;

/**
 * The bits of `_flags` that hold the state (the flag bits below start above them).
 * @example
 * const state = fut._flags & _STATE_MASK; // what fut._state reads
 * @internal
 */
export const _STATE_MASK = 3;

/**
 * The state names CPython's repr prints, by `_state`.
 * @example
 * _STATE_NAMES[_PENDING]; // "pending"
 * @internal
 */
export const _STATE_NAMES = ["pending", "cancelled", "finished"] as const;

/**
 * `_flags` bit: a task waits on the future after `yield*` (Python: `_asyncio_future_blocking`).
 * @example
 * (fut._flags & _FLAG_BLOCKING) !== 0;
 * @internal
 */
export const _FLAG_BLOCKING = 4;
/**
 * `_flags` bit: an exception is set and nobody has looked at it (Python: `_log_traceback`).
 * @example
 * (fut._flags & _FLAG_LOG_TRACEBACK) !== 0;
 * @internal
 */
export const _FLAG_LOG_TRACEBACK = 8;
/**
 * `_flags` bit: `_result` holds the exception the future finished with.
 * @example
 * const exc = (fut._flags & _FLAG_EXCEPTION) !== 0 ? fut._result : null;
 * @internal
 */
export const _FLAG_EXCEPTION = 16;
/**
 * `_flags` bit: `_result` holds a CancelledError caught from a task's coroutine, to hand on.
 * @example
 * (task._flags & _FLAG_SAVED_CANCEL) !== 0;
 * @internal
 */
export const _FLAG_SAVED_CANCEL = 32;
/**
 * `_flags` bit of a task: cancel() came while no waiter could take it, so the next
 * step throws CancelledError into the coroutine (Python: `Task._must_cancel`).
 * @example
 * task._flags |= _FLAG_MUST_CANCEL;
 * @internal
 */
export const _FLAG_MUST_CANCEL = 64;
/**
 * A task counts its pending cancellation requests in `_flags` from this bit up
 * (Python: `Task._num_cancels_requested`); `_CANCEL_COUNT_ONE` is one request.
 * @example
 * const requests = task._flags >>> _CANCEL_COUNT_SHIFT;
 * @internal
 */
export const _CANCEL_COUNT_SHIFT = 7;
/**
 * One cancellation request, in `_flags` (see `_CANCEL_COUNT_SHIFT`).
 * @example
 * task._flags += _CANCEL_COUNT_ONE;
 * @internal
 */
export const _CANCEL_COUNT_ONE = 1 << _CANCEL_COUNT_SHIFT;

/**
 * The fields of a future these helpers read and write (a Future or a Task).
 * @example
 * const fields: FutureFields = loop.createFuture();
 * @internal
 */
export interface FutureFields {
  _state: FutureState;
  _result: unknown;
  _flags: number;
}

/**
 * The exception the future finished with, or null.
 * @example
 * _exceptionOf(fut); // null for a result or while pending
 * @internal
 */
export function _exceptionOf(fut: FutureFields): unknown {
  return (fut._flags & _FLAG_EXCEPTION) !== 0 ? fut._result : null;
}

/**
 * The message given to `cancel()`, or null (also once finished, and when a saved
 * CancelledError stands in for it). A pending task keeps it here until its next step.
 * @example
 * fut.cancel("bye"); _cancelMessageOf(fut); // "bye"
 * @internal
 */
export function _cancelMessageOf(fut: FutureFields): string | null {
  if (fut._state === _FINISHED || (fut._flags & _FLAG_SAVED_CANCEL) !== 0) return null;
  return (fut._result ?? null) as string | null;
}

/**
 * Set the cancel message (null for none), dropping a saved CancelledError.
 * @example
 * _setCancelMessage(task, "shutting down");
 * @internal
 */
export function _setCancelMessage(fut: FutureFields, msg: string | null): void {
  fut._result = msg;
  fut._flags &= ~_FLAG_SAVED_CANCEL;
}

/**
 * Keep the CancelledError a task's coroutine raised, so that the future's own
 * CancelledError is that very error (see `_takeCancelledError`).
 * @example
 * _saveCancelledError(task, err);
 * @internal
 */
export function _saveCancelledError(fut: FutureFields, exc: CancelledError): void {
  fut._result = exc;
  fut._flags |= _FLAG_SAVED_CANCEL;
}

/**
 * The CancelledError to raise for a cancelled future: the saved one (handed on once:
 * the message is null afterwards), else a new one with the cancel message.
 * @example
 * throw _takeCancelledError(fut);
 * @internal Python: Future._make_cancelled_error()
 */
export function _takeCancelledError(fut: FutureFields): CancelledError {
  if ((fut._flags & _FLAG_SAVED_CANCEL) !== 0) {
    const saved = fut._result as CancelledError;
    _setCancelMessage(fut, null);
    return saved;
  }
  const msg = _cancelMessageOf(fut);
  return msg === null ? new CancelledError() : new CancelledError(msg);
}
