/**
 * Handles: what `callSoon`, `callLater` and `callAt` put on the ready queue and the
 * timer heap. A handle remembers one callback and its arguments; the loop calls
 * `_run()` when the handle reaches the front of the ready queue.
 */
import type { EventLoop } from "./base-events";
import { _callbackName, _formatCallback, _reprFloat, type TaggedFunction } from "./coroutines";
import type { HandleInfo } from "./observer";

/** A callback as handles store it. @internal */
export type Callback = (...args: never[]) => unknown;

/** A task as a tagged callback names it (see `TaskTag`). @internal */
export interface TaskTag {
  _id: number;
  getName(): string;
}

/** A task's wakeup closure carries its task, so events and reprs can say whose it is. @internal */
export interface TaskCallback extends TaggedFunction {
  _asyncioTask?: TaskTag;
}

/**
 * A callback shared by every task whose first argument is the task (the step,
 * `_taskStep` in tasks.ts). Messages leave that argument out, as CPython shows a bound
 * method, and events name the task: `Task-3.step`. @internal
 */
export interface TaskMethod extends TaggedFunction {
  (task: never, ...rest: never[]): unknown;
  _asyncioTaskMethod: "step";
}

const NO_ARGS: readonly unknown[] = Object.freeze([]);
/** Marks a handle whose single argument sits in `_arg`, so no array is kept alive. @internal */
export const ONE_ARG: readonly unknown[] = Object.freeze([]);

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
  /** The arguments; `ONE_ARG` when the only one is in `_arg`. @internal */ _args: readonly unknown[];
  /** @internal */ _arg: unknown;
  /** @internal */ _loop: EventLoop;
  /** @internal */ _cancelled: boolean;
  /** Observer id; 0 when the loop has no observer. @internal */ _id: number;

  /** @internal Use `loop.callSoon()`. Pass `ONE_ARG` and `arg` for a single argument. */
  constructor(callback: Callback, args: readonly unknown[] | null, loop: EventLoop, arg?: unknown) {
    this._callback = callback;
    if (args === ONE_ARG) {
      this._args = ONE_ARG;
      this._arg = arg;
    } else if (args === null || args.length === 0) {
      this._args = NO_ARGS;
      this._arg = undefined;
    } else if (args.length === 1) {
      this._args = ONE_ARG;
      this._arg = args[0];
    } else {
      this._args = args;
      this._arg = undefined;
    }
    this._loop = loop;
    this._cancelled = false;
    this._id = loop._observer === null ? 0 : ++loop._handleIds;
  }

  /**
   * Cancel the call; does nothing if the callback already ran or was cancelled.
   * @example
   * handle.cancel();
   * Python: Handle.cancel()
   */
  cancel(): void {
    if (this._cancelled) return;
    if (this._loop._observer !== null) this._loop._emitHandle("cancel", this);
    this._cancelled = true;
    this._callback = null;
    this._args = NO_ARGS;
    this._arg = undefined;
  }

  /** The callback's arguments as a list. @internal */
  _argList(): readonly unknown[] {
    return this._args === ONE_ARG ? [this._arg] : this._args;
  }

  /** The arguments as messages show them: a task method's task is its receiver, not shown. */
  private _shownArgs(): readonly unknown[] {
    const args = this._argList();
    return (this._callback as Partial<TaskMethod> | null)?._asyncioTaskMethod !== undefined ? args.slice(1) : args;
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
  _run(): void {
    const cb = this._callback as (...args: unknown[]) => unknown;
    const args = this._args;
    try {
      if (args === ONE_ARG) cb(this._arg);
      else if (args.length === 0) cb();
      else if (args.length === 2) cb(args[0], args[1]);
      else cb(...args);
    } catch (exc) {
      this._loop.callExceptionHandler({
        message: `Exception in callback ${_formatCallback(cb, this._shownArgs())}`,
        exception: exc,
        handle: this,
      });
    }
  }

  /** @internal */
  _reprInfo(): string[] {
    const info: string[] = [(this.constructor as { name: string }).name];
    if (this._cancelled) info.push("cancelled");
    if (this._callback !== null) info.push(_formatCallback(this._callback, this._shownArgs()));
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
    const first = this._arg as { _asyncioFutureBlocking?: unknown } | undefined;
    const isDoneCallback = this._args === ONE_ARG && typeof first === "object" && first !== null &&
      first._asyncioFutureBlocking !== undefined;
    const name = _callbackName(cb);
    return { handle: this._id, callback: isDoneCallback && name === "anonymous" ? "Future.done-callback" : name };
  }
}
Object.defineProperty(Handle, "name", { value: "Handle" });

/**
 * A callback due at a deadline, returned by `loop.callLater()` / `loop.callAt()`; it
 * waits in the timer heap until the loop moves it to the ready queue.
 * @example
 * const t = loop.callLater(1.5, () => console.log("late"));
 * console.log(t.when()); // loop.time() + 1.5
 * Python: asyncio.TimerHandle
 */
export class TimerHandle extends Handle {
  /** @internal */ _when: number;
  /** True while the handle sits in the timer heap. @internal */ _scheduled: boolean;

  /** @internal Use `loop.callLater()` or `loop.callAt()`. Pass `ONE_ARG` and `arg` for a single argument. */
  constructor(when: number, callback: Callback, args: readonly unknown[] | null, loop: EventLoop, arg?: unknown) {
    super(callback, args, loop, arg);
    this._when = when;
    this._scheduled = false;
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
    if (!this._cancelled) this._loop._timerHandleCancelled(this);
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
