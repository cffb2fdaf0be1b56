/**
 * Handles: what `callSoon`, `callLater` and `callAt` put on the ready queue and the
 * timer heap. A handle remembers one callback and its arguments; the loop calls
 * `_run()` when the handle reaches the front of the ready queue.
 */
import type { EventLoop } from "./base-events";
import { NO_ARGS, _invoke, _unpackArgs } from "./call-args";
import { _keepDeadline } from "./deadlines";
import { _callbackName, _formatCallback, _reprFloat, type TaggedFunction } from "./coroutines";
import type { HandleInfo } from "./observer";

/**
 * A callback as handles store it.
 * @example
 * const cb: Callback = (n: number) => console.log(n);
 * @internal
 */
export type Callback = (...args: never[]) => unknown;

/** A task as a tagged callback names it (see `TaskTag`). @internal */
interface TaskTag {
  _id: number;
  getName(): string;
}

/**
 * A task's wakeup closure carries its task, so events and reprs can say whose it is.
 * @example
 * const owner = (cb as TaskCallback)._asyncioTask?.getName(); // "Task-1"
 * @internal
 */
export interface TaskCallback extends TaggedFunction {
  _asyncioTask?: TaskTag;
}

/**
 * A callback shared by every task whose first argument is the task (the step,
 * `_taskStep` in task-step.ts). Messages leave that argument out, as CPython shows a bound
 * method, and events name the task: `Task-3.step`.
 * @example
 * (cb as Partial<TaskMethod>)._asyncioTaskMethod === "step"; // true for a task's step
 * @internal
 */
export interface TaskMethod extends TaggedFunction {
  (task: never, ...rest: never[]): unknown;
  _asyncioTaskMethod: "step";
}

/**
 * A callback queued on the loop, returned by `loop.callSoon()`.
 * Invariant: once cancelled, it never runs, and it drops its callback and arguments.
 * @example
 * const h = loop.callSoon(() => console.log("never"));
 * h.cancel();
 * Python: asyncio.Handle
 */
export class Handle {
  /** @internal */ _callback: Callback | null;
  /** The arguments, packed (see call-args.ts): one field for any number. @internal */
  _args: unknown;

  /**
   * The loop, kept (like `_id`) only while the loop has an observer, which is the only
   * time a handle needs it on its own: `cancel()` reports to it. Every other handle
   * reads the null on the prototype. The loop that runs a handle passes itself to
   * `_run(loop)`, and a timer knows its loop while it waits in the heap
   * (`TimerHandle._heapLoop`). A plain handle is then two fields: 1M queued
   * `callSoon` handles are 1M live objects for the garbage collector to copy. @internal
   */
  declare _loop: EventLoop | null;

  /**
   * Observer id; 0 when the loop has no observer. Only a loop with an observer gives a
   * handle its own `_id`; every other handle reads the 0 on the prototype (set below the
   * class). One field less per handle matters: 200k pending timers are 200k live
   * handles, and every byte of them is copied by the garbage collector and pulled
   * through the cache when the timer heap pops them. @internal
   */
  declare _id: number;

  /**
   * Set (only with an observer) when the loop starts the callback, so that a later
   * `cancel()`, which changes nothing then, is not reported. Declared, not initialized,
   * for the same reason as `_id`. @internal
   */
  declare _ran: boolean | undefined;

  /** @internal Use `loop.callSoon()`. `args` are packed (see call-args.ts). */
  constructor(callback: Callback, args: unknown, loop: EventLoop) {
    this._callback = callback;
    this._args = args;
    if (loop._observer !== null) {
      this._id = ++loop._handleIds;
      this._loop = loop;
    }
  }

  /**
   * True once cancelled. Not a field of its own: `cancel()` drops the callback, and a
   * handle is never made without one, so "no callback" means "cancelled" (one field
   * less per handle, see `_id`). @internal
   */
  get _cancelled(): boolean {
    return this._callback === null;
  }

  /**
   * Cancel the call; does nothing if the callback already ran or was cancelled.
   * @example
   * handle.cancel();
   * Python: Handle.cancel()
   */
  cancel(): void {
    if (this._cancelled) return;
    // Reported only while it could still run: not once its callback ran or its loop closed.
    const loop = this._loop; // null without an observer
    if (loop !== null && this._ran !== true && !loop._closed) loop._emitHandle("cancel", this);
    this._callback = null; // now _cancelled is true
    this._args = NO_ARGS;
  }

  /** The callback's arguments as a list. @internal */
  _argList(): readonly unknown[] {
    return _unpackArgs(this._args);
  }

  /**
   * True if the handle was cancelled.
   * @example
   * handle.cancelled(); // false
   * Python: Handle.cancelled()
   */
  cancelled(): boolean {
    return this._cancelled;
  }

  /**
   * Call the callback. An error it throws goes to the loop's exception handler
   * ("Exception in callback ...") and the loop keeps running.
   * @internal
   */
  _run(loop: EventLoop): void {
    const cb = this._callback as Callback;
    try {
      _invoke(cb, this._args);
    } catch (exc) {
      loop.callExceptionHandler({
        message: `Exception in callback ${_formatCallback(cb, _shownArgs(cb, this._args))}`,
        exception: exc,
        handle: this,
      });
    }
  }

  /** @internal */
  _reprInfo(): string[] {
    const info: string[] = [(this.constructor as { name: string }).name];
    if (this._cancelled) info.push("cancelled");
    if (this._callback !== null) info.push(_formatCallback(this._callback, _shownArgs(this._callback, this._args)));
    return info;
  }

  /** CPython's repr: `<Handle cb(1, 'a')>`, `<Handle cancelled>`. */
  toString(): string {
    return `<${this._reprInfo().join(" ")}>`;
  }

  /** The handle as the observer reports it. @internal */
  _info(): HandleInfo {
    const cb = this._callback as (TaskCallback & Partial<TaskMethod>) | null;
    if (cb === null) return { handle: this._id, callback: "cancelled" };
    if (cb._asyncioTaskMethod !== undefined) {
      const task = this._argList()[0] as TaskTag;
      return { handle: this._id, callback: `${task.getName()}.${cb._asyncioTaskMethod}`, task: task._id };
    }
    const task = cb._asyncioTask;
    if (task !== undefined) {
      return { handle: this._id, callback: `${task.getName()}.wakeup`, task: task._id };
    }
    const args = this._argList();
    const first = args[0] as { _asyncioFutureBlocking?: unknown } | undefined;
    const isDoneCallback = args.length === 1 && typeof first === "object" && first !== null &&
      first._asyncioFutureBlocking !== undefined;
    const name = _callbackName(cb);
    return { handle: this._id, callback: isDoneCallback && name === "anonymous" ? "Future.done-callback" : name };
  }
}
Object.defineProperty(Handle, "name", { value: "Handle" });
// The observer id and loop of every handle made while its loop had no observer (see `_id`, `_loop`).
Handle.prototype._id = 0;
Handle.prototype._loop = null;

/** The arguments as messages show them: a task method's task is its receiver, not shown. */
function _shownArgs(cb: Callback, args: unknown): readonly unknown[] {
  const list = _unpackArgs(args);
  return (cb as Partial<TaskMethod>)._asyncioTaskMethod !== undefined ? list.slice(1) : list;
}

/**
 * Run `cb(arg)`, a call the ready queue holds without a handle (see ready-queue.ts),
 * as a handle would: an error goes to the exception handler, whose context then
 * names a handle made for the report (the same repr CPython's would have).
 * @example
 * _runCall(loop, (fut) => console.log(fut), fut);
 * @internal
 */
export function _runCall(loop: EventLoop, cb: (arg: unknown) => unknown, arg: unknown): void {
  try {
    cb(arg);
  } catch (exc) {
    loop.callExceptionHandler({
      message: `Exception in callback ${_formatCallback(cb, _shownArgs(cb, arg))}`,
      exception: exc,
      handle: new Handle(cb, arg, loop),
    });
  }
}

/**
 * A callback due at a deadline, returned by `loop.callLater()` / `loop.callAt()`; it
 * waits in the timer heap until the loop moves it to the ready queue.
 * @example
 * const t = loop.callLater(1.5, () => console.log("late"));
 * console.log(t.when()); // loop.time() + 1.5
 * Python: asyncio.TimerHandle
 */
export class TimerHandle extends Handle {
  /** Where the deadline is kept: `_deadlines[_deadlineIndex]` (see deadlines.ts). @internal */
  _deadlines!: Float64Array;
  /** @internal */ _deadlineIndex!: number;
  /**
   * The loop whose timer heap the handle was pushed on (null before), and its slot there.
   * The heap's table tells whether it still waits (`_scheduled`): popping a timer never
   * has to touch the timer itself. (A timer needs its loop only there: cancelling a
   * waiting timer counts it on the loop; see `Handle._loop`.) @internal
   */
  _heapLoop: EventLoop | null;
  /** @internal */ _heapSlot: number;

  /** @internal Use `loop.callLater()` or `loop.callAt()`. `args` are packed (see call-args.ts). */
  constructor(when: number, callback: Callback, args: unknown, loop: EventLoop) {
    super(callback, args, loop);
    _keepDeadline(this, when);
    this._heapLoop = null;
    this._heapSlot = -1;
  }

  /** The deadline (what `when()` returns). @internal */
  get _when(): number {
    return this._deadlines[this._deadlineIndex];
  }

  /** True while the handle sits in the timer heap. @internal */
  get _scheduled(): boolean {
    const loop = this._heapLoop;
    return loop !== null && loop._timers.holds(this._heapSlot, this);
  }

  /**
   * The absolute deadline, on the same clock as `loop.time()`.
   * @example
   * loop.callAt(10, cb).when(); // 10
   * Python: TimerHandle.when()
   */
  when(): number {
    return this._when;
  }

  /**
   * Cancel the timer. It stays in the heap (counted as cancelled) until the loop drops it.
   * @example
   * timer.cancel();
   * Python: TimerHandle.cancel()
   */
  override cancel(): void {
    const loop = this._heapLoop;
    if (!this._cancelled && loop !== null) loop._timerHandleCancelled(this);
    super.cancel();
  }

  /** @internal */
  override _reprInfo(): string[] {
    const info = super._reprInfo();
    info.splice(this._cancelled ? 2 : 1, 0, `when=${_reprFloat(this._when)}`);
    return info;
  }
}
Object.defineProperty(TimerHandle, "name", { value: "TimerHandle" });
