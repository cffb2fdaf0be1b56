/**
 * Future: a value that is not there yet. A coroutine waits for it with `yield* fut`;
 * whoever has the value calls `fut.setResult(v)`, and every done callback is then
 * queued on the loop with `callSoon` (never called directly).
 *
 * Internals other modules of the library may use (CPython names in camelCase):
 * - `_state` (`_PENDING`, `_CANCELLED`, `_FINISHED`), `_result`, `_exception`
 * - `_loop`, `_cancelMessage` (the message given to `cancel()`, or null)
 * - `_makeCancelledError()`: the CancelledError to raise for a cancelled future
 *   (call it once per cancellation: it hands over a saved error)
 * - `_asyncioFutureBlocking`: set by the iterator while a task waits on the future
 * - `_logTraceback`: true while an exception is set and nobody has looked at it
 * - `_id`: the observer id (0 without an observer)
 *
 * Few fields per future, on purpose: 100k pending tasks are 100k live futures, and the
 * garbage collector copies every byte of them. The flags share one number (`_flags`,
 * read through accessors), the first done callback and the rest share one field, and
 * the outcome shares one with the rare cancellation state (`_result`: a future never
 * needs both at once).
 */
import type { EventLoop } from "./base-events";
import { _callbackName, _repr, type Suspension } from "./coroutines";
import type { Callback } from "./events";
import { CancelledError, InvalidStateError, RuntimeError } from "./exceptions";
import { getEventLoop } from "./loops";
import { _emitFutureCallback, type DoneState } from "./observer";

/** @internal */ export const _PENDING = 0;
/** @internal */ export const _CANCELLED = 1;
/** @internal */ export const _FINISHED = 2;
/** @internal */ export type FutureState = typeof _PENDING | typeof _CANCELLED | typeof _FINISHED;
const STATE_NAMES = ["pending", "cancelled", "finished"] as const;

/** `_flags` bits. Task adds its own above these (see tasks.ts). @internal */
export const _FLAG_BLOCKING = 1;
/** @internal */ export const _FLAG_LOG_TRACEBACK = 2;
/** `_result` holds the exception the future finished with. @internal */
export const _FLAG_EXCEPTION = 4;
/** `_result` holds a CancelledError caught from a task's coroutine, to hand on. @internal */
export const _FLAG_SAVED_CANCEL = 8;
/** The lowest `_flags` bit left for subclasses (Task). @internal */
export const _FLAG_FREE = 16;

/** A done callback: called (through the ready queue) with the future. */
export type DoneCallback<F> = (fut: F) => unknown;

/**
 * A result that will be set later. Await it in a coroutine with `yield* fut`.
 * Invariants: the state moves once, from pending to finished (a result or an
 * exception) or to cancelled; callbacks are queued on the loop in the order added.
 * @example
 * const fut = loop.createFuture<number>();
 * loop.callLater(1, () => fut.setResult(42));
 * const v = yield* fut; // 42, one second later
 * Python: asyncio.Future
 */
export class Future<T = unknown> {
  /** @internal */ _state: FutureState = _PENDING;
  /**
   * The outcome, by state. Finished: the result, or the exception if `_FLAG_EXCEPTION`.
   * Cancelled: the message given to `cancel()` (null for none), or, if
   * `_FLAG_SAVED_CANCEL`, the CancelledError raised by a task's coroutine. Pending:
   * undefined, or a task's cancel message waiting for its next step. @internal
   */
  _result: unknown = undefined;
  /** @internal */ _loop: EventLoop;
  /**
   * The done callbacks: null for none, the callback itself for one (no array, as
   * CPython's C Future keeps its first callback apart), an array for two or more. A
   * callback is a function and an array is not, so the kinds never mix up. @internal
   */
  _callbacks: Callback | Callback[] | null = null;
  /** `_FLAG_*` bits (and Task's). @internal */
  _flags = 0;
  /**
   * Observer id; 0 when the loop has no observer. As with `Handle._id`, only a loop with
   * an observer gives a future its own `_id`; every other future reads the 0 on the
   * prototype (set below the class): one field less on every future and task. @internal
   */
  declare _id: number;

  /**
   * Create a pending future on `loop` (default: `getEventLoop()`). Prefer `loop.createFuture()`.
   * @example
   * const fut = new asyncio.Future<string>();
   * Python: asyncio.Future(loop=None)
   */
  constructor(options?: { loop?: EventLoop }) {
    const loop = options?.loop ?? getEventLoop();
    this._loop = loop;
    if (loop._observer !== null) {
      this._id = ++loop._futureIds;
      this._emitCreate();
    }
  }

  /** True while a task waits on this future after `yield*` (see `[Symbol.iterator]`). @internal */
  get _asyncioFutureBlocking(): boolean {
    return (this._flags & _FLAG_BLOCKING) !== 0;
  }

  set _asyncioFutureBlocking(value: boolean) {
    this._flags = value ? this._flags | _FLAG_BLOCKING : this._flags & ~_FLAG_BLOCKING;
  }

  /** True while an exception is set and nobody has looked at it. @internal */
  get _logTraceback(): boolean {
    return (this._flags & _FLAG_LOG_TRACEBACK) !== 0;
  }

  /** The exception the future finished with, or null. @internal */
  get _exception(): unknown {
    return (this._flags & _FLAG_EXCEPTION) !== 0 ? this._result : null;
  }

  /** The message given to `cancel()`, or null (also once finished). @internal */
  get _cancelMessage(): string | null {
    if (this._state === _FINISHED || (this._flags & _FLAG_SAVED_CANCEL) !== 0) return null;
    return (this._result ?? null) as string | null;
  }

  set _cancelMessage(msg: string | null) {
    this._result = msg;
    this._flags &= ~_FLAG_SAVED_CANCEL;
  }

  /** Keep the CancelledError a task's coroutine raised, for `_makeCancelledError`. @internal */
  _saveCancelledError(exc: CancelledError): void {
    this._result = exc;
    this._flags |= _FLAG_SAVED_CANCEL;
  }

  /** @internal */
  _emitCreate(): void {
    this._loop._emit({ type: "future-create", future: this._id });
  }

  /** Report the final state to the observer (tasks report `task-done`). @internal */
  _emitDone(state: DoneState, detail: string): void {
    this._loop._emit({ type: "future-done", future: this._id, state, detail });
  }

  /** @internal */
  _doneDetail(): [DoneState, string] {
    if (this._state === _CANCELLED) return ["cancelled", this._cancelMessage ?? ""];
    if (this._exception !== null) return ["error", _repr(this._exception)];
    return ["result", _repr(this._result, true)];
  }

  /**
   * The loop this future belongs to.
   * @example
   * fut.getLoop() === loop; // true
   * Python: Future.get_loop()
   */
  getLoop(): EventLoop {
    return this._loop;
  }

  /**
   * The CancelledError to raise because this future was cancelled. @internal
   * Python: Future._make_cancelled_error()
   */
  _makeCancelledError(): CancelledError {
    if ((this._flags & _FLAG_SAVED_CANCEL) !== 0) {
      const saved = this._result as CancelledError;
      this._cancelMessage = null; // a saved error is handed on once
      return saved;
    }
    const msg = this._cancelMessage;
    return msg === null ? new CancelledError() : new CancelledError(msg);
  }

  /**
   * Cancel the future and queue its callbacks. False if it was already done.
   * @example
   * fut.cancel("no longer needed"); // true
   * Python: Future.cancel(msg=None)
   */
  cancel(msg: string | null = null): boolean {
    this._clearLogTraceback();
    if (this._state !== _PENDING) return false;
    this._state = _CANCELLED;
    this._cancelMessage = msg ?? null;
    this._scheduleCallbacks();
    if (this._loop._observer !== null) this._emitDone("cancelled", this._cancelMessage ?? "");
    return true;
  }

  /** Queue every done callback on the loop, in order, and forget them. @internal */
  _scheduleCallbacks(): void {
    const cbs = this._callbacks;
    if (cbs === null) return;
    const loop = this._loop;
    loop._checkClosed();
    this._callbacks = null;
    if (typeof cbs === "function") loop._callSoon(cbs, this);
    else for (let i = 0; i < cbs.length; i++) loop._callSoon(cbs[i], this);
  }

  /**
   * True if the future was cancelled.
   * @example
   * fut.cancelled(); // false
   * Python: Future.cancelled()
   */
  cancelled(): boolean {
    return this._state === _CANCELLED;
  }

  /**
   * True once the future has a result, an exception, or was cancelled.
   * @example
   * fut.done(); // false while pending
   * Python: Future.done()
   */
  done(): boolean {
    return this._state !== _PENDING;
  }

  /**
   * The result. Throws the future's exception if it has one, CancelledError if it was
   * cancelled, InvalidStateError("Result is not set.") while pending.
   * @example
   * fut.setResult(3); fut.result(); // 3
   * Python: Future.result()
   */
  result(): T {
    if (this._state === _CANCELLED) throw this._makeCancelledError();
    if (this._state !== _FINISHED) throw new InvalidStateError("Result is not set.");
    this._clearLogTraceback();
    if ((this._flags & _FLAG_EXCEPTION) !== 0) throw this._result;
    return this._result as T;
  }

  /**
   * The exception set on the future, or null. Throws CancelledError if it was cancelled,
   * InvalidStateError("Exception is not set.") while pending.
   * @example
   * fut.setException(new asyncio.ValueError("x")); fut.exception(); // ValueError('x')
   * Python: Future.exception()
   */
  exception(): unknown {
    if (this._state === _CANCELLED) throw this._makeCancelledError();
    if (this._state !== _FINISHED) throw new InvalidStateError("Exception is not set.");
    this._clearLogTraceback();
    return (this._flags & _FLAG_EXCEPTION) !== 0 ? this._result : null;
  }

  /** @internal */
  _clearLogTraceback(): void {
    if ((this._flags & _FLAG_LOG_TRACEBACK) !== 0) {
      this._flags &= ~_FLAG_LOG_TRACEBACK;
      this._loop._unretrieved.delete(this);
    }
  }

  /**
   * Call `fn(fut)` through the ready queue once the future is done; if it is already
   * done, queue it now. Throws TypeError if `fn` is not a function.
   * @example
   * fut.addDoneCallback((f) => console.log("done:", f.result()));
   * Python: Future.add_done_callback(fn)
   */
  addDoneCallback(fn: DoneCallback<this>): void {
    if (typeof fn !== "function") {
      throw new TypeError(`a callable object was expected by addDoneCallback(), got ${_repr(fn)}`);
    }
    if (this._state !== _PENDING) {
      this._loop.callSoon(fn, this);
    } else {
      const cbs = this._callbacks;
      if (cbs === null) this._callbacks = fn;
      else if (typeof cbs === "function") this._callbacks = [cbs, fn];
      else cbs.push(fn);
    }
    if (this._loop._observer !== null && this._state === _PENDING) _emitFutureCallback(this._loop, "add", this._id, fn);
  }

  /**
   * Remove every registration of `fn`; returns how many were removed.
   * @example
   * fut.removeDoneCallback(cb); // 1
   * Python: Future.remove_done_callback(fn)
   */
  removeDoneCallback(fn: DoneCallback<this>): number {
    let removed = 0;
    const cbs = this._callbacks;
    if (typeof cbs === "function") {
      if (cbs === fn) {
        this._callbacks = null;
        removed = 1;
      }
    } else if (cbs !== null) {
      const kept = cbs.filter((cb) => cb !== fn);
      removed = cbs.length - kept.length;
      if (removed > 0) this._callbacks = kept.length === 0 ? null : kept;
    }
    if (this._loop._observer !== null && removed > 0) {
      for (let i = 0; i < removed; i++) _emitFutureCallback(this._loop, "remove", this._id, fn);
    }
    return removed;
  }

  /**
   * Mark the future done with `result`. Throws InvalidStateError("invalid state") if it
   * is already done.
   * @example
   * fut.setResult("hello");
   * Python: Future.set_result(result)
   */
  setResult(result: T): void {
    if (this._state !== _PENDING) throw new InvalidStateError("invalid state");
    this._result = result;
    this._flags &= ~_FLAG_SAVED_CANCEL;
    this._state = _FINISHED;
    this._scheduleCallbacks();
    if (this._loop._observer !== null) this._emitDone("result", _repr(result, true));
  }

  /**
   * Mark the future done with an error; a class is instantiated first, as in Python.
   * Throws InvalidStateError("invalid state") if already done, TypeError for
   * null/undefined.
   * @example
   * fut.setException(asyncio.ValueError); // same as new asyncio.ValueError()
   * Python: Future.set_exception(exception)
   */
  setException(exception: unknown): void {
    if (this._state !== _PENDING) throw new InvalidStateError("invalid state");
    if (typeof exception === "function") exception = new (exception as new () => unknown)();
    if (exception === null || exception === undefined) throw new TypeError("invalid exception object");
    this._finishWithException(exception);
  }

  /** Store an error as the outcome (no checks; Task's step uses it too). @internal */
  _finishWithException(exception: unknown): void {
    this._result = exception;
    this._flags = (this._flags & ~_FLAG_SAVED_CANCEL) | _FLAG_EXCEPTION;
    this._state = _FINISHED;
    this._scheduleCallbacks();
    this._flags |= _FLAG_LOG_TRACEBACK;
    this._loop._unretrieved.add(this);
    if (this._loop._observer !== null) this._emitDone("error", _repr(exception));
  }

  /**
   * `yield* fut`: while pending, yield the future itself to the task (flagged as
   * blocking, so the task knows `yield*` was used), then return the result.
   * @example
   * const value = yield* fut;
   * Python: Future.__await__() / Future.__iter__()
   */
  *[Symbol.iterator](): Generator<Suspension, T, unknown> {
    if (this._state === _PENDING) {
      this._flags |= _FLAG_BLOCKING;
      yield this as unknown as Suspension; // This tells the task to wait for completion.
    }
    if (this._state === _PENDING) throw new RuntimeError("await wasn't used with future");
    return this.result(); // May throw too.
  }

  /** @internal */
  _reprInfo(): string[] {
    const info: string[] = [STATE_NAMES[this._state]];
    if (this._state === _FINISHED) {
      info.push(this._exception !== null ? `exception=${_repr(this._exception)}` : `result=${_repr(this._result, true)}`);
    }
    const held = this._callbacks;
    const cbs: readonly unknown[] = held === null ? [] : typeof held === "function" ? [held] : held;
    if (cbs.length > 0) {
      const fmt = (cb: unknown): string => `${_callbackName(cb)}()`;
      const n = cbs.length;
      const body = n === 1 ? fmt(cbs[0])
        : n === 2 ? `${fmt(cbs[0])}, ${fmt(cbs[1])}`
        : `${fmt(cbs[0])}, <${n - 2} more>, ${fmt(cbs[n - 1])}`;
      info.push(`cb=[${body}]`);
    }
    return info;
  }

  /** CPython's repr: `<Future pending>`, `<Future finished result=3>`, `<Future cancelled>`. */
  toString(): string {
    return `<${(this.constructor as { name: string }).name} ${this._reprInfo().join(" ")}>`;
  }
}
Object.defineProperty(Future, "name", { value: "Future" });
// The observer id of every future made while the loop had no observer (see `_id`).
Future.prototype._id = 0;

/**
 * True for a Future, or an object that declares itself one (`_asyncioFutureBlocking`).
 * @example
 * asyncio.isFuture(loop.createFuture()); // true
 * Python: asyncio.isfuture(obj)
 */
export function isFuture(obj: unknown): obj is Future {
  if (obj instanceof Future) return true;
  if (typeof obj !== "object" || obj === null) return false;
  const blocking = (obj as { _asyncioFutureBlocking?: unknown })._asyncioFutureBlocking;
  return blocking !== undefined && blocking !== null;
}

/** Set `fut`'s result unless it was cancelled (sleep's timer callback). @internal */
export function _setResultUnlessCancelled<T>(fut: Future<T>, result: T): void {
  if (fut.cancelled()) return;
  fut.setResult(result);
}
