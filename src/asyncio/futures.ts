/**
 * Future: a value that is not there yet. A coroutine waits for it with `yield* fut`;
 * whoever has the value calls `fut.setResult(v)`, and every done callback is then
 * queued on the loop with `callSoon` (never called directly). Five fields: the state
 * (`_state`, `_result`, `_flags`: future-state.ts), `_loop` and the done callbacks
 * (base-futures.ts). A task's step sets its own outcome with `Future`'s `setResult`,
 * `_finishWithException` and `_cancelNow` (the last two without checks).
 */
import type { EventLoop } from "./base-events";
import { _withCallback, _withoutCallback, _futureReprInfo, type CallbackList } from "./base-futures";
import { _repr, type Suspension } from "./coroutines";
import { InvalidStateError, RuntimeError, type CancelledError } from "./exceptions";
import {
  _CANCELLED, _FINISHED, _FLAG_BLOCKING, _FLAG_EXCEPTION, _FLAG_LOG_TRACEBACK, _FLAG_SAVED_CANCEL, _PENDING,
  _STATE_MASK, _setCancelMessage, _takeCancelledError, type FutureState,
} from "./future-state";
import { getEventLoop } from "./loops";
import { _emitFutureCallback, type DoneState } from "./observer";

/**
 * A done callback: called (through the ready queue) with the future.
 * @example
 * const report: asyncio.DoneCallback<asyncio.Future<number>> = (f) => console.log(f.result());
 * fut.addDoneCallback(report);
 */
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
  /** The result, the exception or the cancel state, by `_state` and `_flags` (future-state.ts). @internal */
  _result: unknown = undefined;
  /** @internal */ _loop: EventLoop;
  /** The done callbacks: null, one callback, or an array (see base-futures.ts). @internal */
  _callbacks: CallbackList = null;
  /** The state in the low two bits (`_STATE_MASK`), then `_FLAG_*` bits (future-state.ts), Task's too. @internal */
  _flags = _PENDING;
  /** Observer id: own field only on a loop with an observer, else the prototype's 0. @internal */
  declare _id: number;

  /**
   * Create a pending future on `loop` (default: `getEventLoop()`). Prefer `loop.createFuture()`.
   * @example
   * const fut = new asyncio.Future<string>();
   * Python: asyncio.Future(loop=None)
   */
  constructor(options?: { loop?: EventLoop });
  /** @internal The loop given on its own: no options object to make (see `loop.createTask`). */
  constructor(options: { loop?: EventLoop } | undefined, loop: EventLoop | undefined);
  constructor(options?: { loop?: EventLoop }, givenLoop?: EventLoop) {
    const loop = givenLoop ?? options?.loop ?? getEventLoop();
    this._loop = loop;
    if (loop._observer !== null) {
      this._id = ++loop._futureIds;
      this._emitCreate();
    }
  }

  /**
   * Pending, cancelled or finished (`_PENDING`, `_CANCELLED`, `_FINISHED`): the low two
   * bits of `_flags`, not a field of its own (one field less per future and per task;
   * see future-state.ts). @internal
   */
  get _state(): FutureState {
    return (this._flags & _STATE_MASK) as FutureState;
  }

  /** @internal */
  set _state(state: FutureState) {
    this._flags = (this._flags & ~_STATE_MASK) | state;
  }

  /** True while a task waits on this future after `yield*` (see `[Symbol.iterator]`). @internal */
  get _asyncioFutureBlocking(): boolean {
    return (this._flags & _FLAG_BLOCKING) !== 0;
  }

  /** @internal */
  set _asyncioFutureBlocking(value: boolean) {
    this._flags = value ? this._flags | _FLAG_BLOCKING : this._flags & ~_FLAG_BLOCKING;
  }

  /** @internal */ _emitCreate(): void {
    this._loop._emit({ type: "future-create", future: this._id });
  }

  /** Report the final state to the observer (tasks report `task-done`). @internal */
  _emitDone(state: DoneState, detail: string): void {
    this._loop._emit({ type: "future-done", future: this._id, state, detail });
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

  /** The CancelledError to raise for this cancelled future (future-state.ts). @internal */
  _makeCancelledError(): CancelledError {
    return _takeCancelledError(this);
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
    this._cancelNow(msg);
    return true;
  }

  /** Cancel a pending future (no checks; Task's step uses it too). @internal */
  _cancelNow(msg: string | null): void {
    this._state = _CANCELLED;
    _setCancelMessage(this, msg ?? null);
    this._scheduleCallbacks();
    if (this._loop._observer !== null) this._emitDone("cancelled", msg ?? "");
  }

  /** Queue every done callback on the loop, in order, and forget them. @internal */
  _scheduleCallbacks(): void {
    const cbs = this._callbacks;
    if (cbs === null) return;
    const loop = this._loop;
    // Forgotten first: on a closed loop CPython drops them all, then raises.
    this._callbacks = null;
    loop._checkClosed();
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

  /** @internal */ _clearLogTraceback(): void {
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
    if (this._state !== _PENDING) this._loop.callSoon(fn, this);
    else this._callbacks = _withCallback(this._callbacks, fn);
    if (this._loop._observer !== null && this._state === _PENDING) _emitFutureCallback(this._loop, "add", this._id, fn);
  }

  /**
   * Remove every registration of `fn`; returns how many were removed.
   * @example
   * fut.removeDoneCallback(cb); // 1
   * Python: Future.remove_done_callback(fn)
   */
  removeDoneCallback(fn: DoneCallback<this>): number {
    const [kept, removed] = _withoutCallback(this._callbacks, fn);
    this._callbacks = kept;
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
    // CPython takes only exception instances (or classes, made above): here, Errors.
    if (!(exception instanceof Error)) throw new TypeError("invalid exception object");
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

  /** @internal */ _reprInfo(): string[] {
    return _futureReprInfo(this);
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
