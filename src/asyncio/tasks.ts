/**
 * Task: a coroutine driven by the event loop, and the future of its outcome. The step
 * that resumes the coroutine is task-step.ts; the loop's list of tasks and the
 * current task are task-registry.ts. A task adds five fields to its future's five:
 * `_coro`, `_name`, `_futWaiter` (the future it waits on, or null), `_wakeupCb` (made
 * on its first wait) and `_taskIndex` (its place in the loop's list). Its cancel
 * requests are bits of the future's `_flags` (future-state.ts).
 */
import type { EventLoop } from "./base-events";
import { _coroName, _repr, _str, isAwaitable, isCoroutine, type Awaitable, type Coroutine } from "./coroutines";
import type { TaskCallback } from "./events";
import { RuntimeError, ValueError } from "./exceptions";
import { _CANCEL_COUNT_ONE, _CANCEL_COUNT_SHIFT, _FLAG_MUST_CANCEL, _PENDING, _setCancelMessage } from "./future-state";
import { Future, isFuture } from "./futures";
import { getEventLoop, getRunningLoop } from "./loops";
import type { DoneState } from "./observer";
import { _registerTask } from "./task-registry";
import { _getLoop, _taskStep } from "./task-step";
import { _missingArguments } from "./arity";

let taskNameCounter = 0;

/**
 * Options of `createTask()` / `loop.createTask()`.
 * @example
 * const task = asyncio.createTask(worker(), { name: "worker-1" });
 */
export interface TaskOptions {
  /** The task's name; default "Task-N" from a global counter. */
  name?: string | null;
}

/**
 * A coroutine wrapped in a Future; the loop runs its first step on the next turn.
 * Invariant (CPython's): while the task is not done, either `_futWaiter` is a pending
 * future whose callbacks include the task's wakeup (the task sleeps), or a step is in
 * the ready queue (the task is about to run), or the step is running right now.
 * @example
 * const task = loop.createTask(main(), { name: "main" });
 * task.addDoneCallback((t) => console.log(t.result()));
 * Python: asyncio.Task
 */
export class Task<T = unknown> extends Future<T> {
  /** @internal */ _coro: Coroutine<T>;
  /**
   * The name, or the number N of the default name "Task-N": the string is only built
   * when someone asks (`getName()`), as CPython 3.12 does. @internal
   */
  _name: string | number;
  /** @internal */ _futWaiter: Future | null = null;
  /** Made on the first wait (task-step.ts, `_makeWakeup`). @internal */
  _wakeupCb: (TaskCallback & ((fut: Future) => void)) | null = null;
  /** Its index in the loop's list of tasks not done yet (`loop._tasks`), -1 once done. @internal */
  _taskIndex = -1;

  /**
   * Wrap `coro` and queue its first step. Throws TypeError for a non-coroutine and
   * RuntimeError("Event loop is closed") on a closed loop. Prefer `createTask()`.
   * @example
   * const task = new asyncio.Task(main(), { loop });
   * Python: asyncio.Task(coro, *, loop=None, name=None)
   */
  constructor(coro: Coroutine<T>, options?: TaskOptions & { loop?: EventLoop });
  /**
   * @internal The loop given on its own, so that `loop.createTask()` makes no options
   * object: 100k tasks were 100k short-lived `{ loop, name }` objects (40 bytes each).
   */
  constructor(coro: Coroutine<T>, options: TaskOptions | undefined, loop: EventLoop);
  constructor(coro: Coroutine<T>, options?: TaskOptions & { loop?: EventLoop }, givenLoop?: EventLoop) {
    if (!isCoroutine(coro)) throw new TypeError(`a coroutine was expected, got ${_repr(coro)}`);
    super(options, givenLoop);
    const name = options?.name;
    this._name = name === undefined || name === null ? ++taskNameCounter : _str(name);
    this._coro = coro;
    const loop = this._loop;
    if (loop._observer !== null) {
      loop._emit({ type: "task-create", task: this._id, name: this.getName(), coro: _coroName(coro) });
    }
    loop._checkClosed(); // CPython's call_soon raises here, after the name is drawn
    loop._callSoon(_taskStep, this);
    _registerTask(loop, this);
  }

  /** Tasks report `task-create` instead of `future-create`. @internal */
  override _emitCreate(): void {}

  /** @internal */
  override _emitDone(state: DoneState, detail: string): void {
    this._loop._emit({ type: "task-done", task: this._id, state, detail });
  }

  /**
   * The coroutine this task drives.
   * @example
   * task.getCoro();
   * Python: Task.get_coro()
   */
  getCoro(): Coroutine<T> {
    return this._coro;
  }

  /**
   * The task's name ("Task-1" unless given).
   * @example
   * task.getName(); // "Task-1"
   * Python: Task.get_name()
   */
  getName(): string {
    const name = this._name;
    return typeof name === "number" ? `Task-${name}` : name;
  }

  /**
   * Rename the task.
   * @example
   * task.setName("worker");
   * Python: Task.set_name(value)
   */
  setName(value: unknown): void {
    this._name = _str(value);
  }

  /** Always throws RuntimeError: a task's result comes from its coroutine. Python: Task.set_result() */
  override setResult(_result: T): never {
    throw new RuntimeError("Task does not support set_result operation");
  }

  /** Always throws RuntimeError: a task's error comes from its coroutine. Python: Task.set_exception() */
  override setException(_exception: unknown): never {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /**
   * Ask the task to cancel itself: CancelledError is thrown into the coroutine at its
   * current `yield*` on a later step, so its `finally` blocks run (and it may even
   * refuse). Returns false if the task is already done. Counts the request.
   * @example
   * task.cancel("shutting down");
   * Python: Task.cancel(msg=None)
   */
  override cancel(msg: string | null = null): boolean {
    this._clearLogTraceback();
    if (this._state !== _PENDING) return false;
    this._flags += _CANCEL_COUNT_ONE;
    // If the waited-on future takes the cancellation, its done callback wakes us with
    // CancelledError. Keep _futWaiter: it may be a task that ignores the request.
    if (this._futWaiter !== null && this._futWaiter.cancel(msg)) return true;
    // Otherwise a step is already queued: it will throw CancelledError into the coroutine.
    this._flags |= _FLAG_MUST_CANCEL;
    _setCancelMessage(this, msg ?? null);
    return true;
  }

  /**
   * How many cancellation requests are pending.
   * @example
   * task.cancel(); task.cancelling(); // 1
   * Python: Task.cancelling()
   */
  cancelling(): number {
    return this._flags >>> _CANCEL_COUNT_SHIFT;
  }

  /**
   * Take back one cancellation request; returns the remaining count.
   * @example
   * task.uncancel(); // 0
   * Python: Task.uncancel()
   */
  uncancel(): number {
    if (this._flags >= _CANCEL_COUNT_ONE) this._flags -= _CANCEL_COUNT_ONE;
    return this._flags >>> _CANCEL_COUNT_SHIFT;
  }

  /** @internal */
  override _reprInfo(): string[] {
    const info = super._reprInfo();
    if (this._flags >= _CANCEL_COUNT_ONE && this._state === _PENDING) info[0] = "cancelling";
    info.splice(1, 0, `name=${_repr(this.getName())}`);
    info.splice(2, 0, `coro=<${_coroName(this._coro)}() ${this._state === _PENDING ? "running" : "done"}>`);
    if (this._futWaiter !== null) info.splice(3, 0, `wait_for=${this._futWaiter}`);
    return info;
  }
}
Object.defineProperty(Task, "name", { value: "Task" });

/**
 * Wrap a coroutine in a task on the running loop and schedule it. Throws
 * RuntimeError("no running event loop") outside a running loop.
 * @example
 * const t = asyncio.createTask(worker(), { name: "worker-1" });
 * Python: asyncio.create_task(coro, *, name=None)
 */
export function createTask<T>(coro: Coroutine<T>, options?: TaskOptions): Task<T> {
  if (arguments.length < 1) throw _missingArguments("createTask", ["coro"]);
  const loop = getRunningLoop();
  // As in CPython 3.11, the default name is drawn first and then replaced by `name`.
  const task = loop.createTask(coro);
  if (options?.name !== undefined && options.name !== null) task.setName(options.name);
  return task;
}

/** Python's `_wrap_awaitable`: a coroutine that awaits any awaitable. */
function* _wrapAwaitable<T>(awaitable: Awaitable<T>): Coroutine<T> {
  return yield* awaitable as unknown as Coroutine<T>;
}

/**
 * A future for `x`: a future is returned as is, a coroutine (or other awaitable) is
 * wrapped in a task on `loop` (default: `getEventLoop()`). Throws TypeError("An
 * asyncio.Future, a coroutine or an awaitable is required") for anything else, arrays
 * and strings included.
 * @example
 * const fut = asyncio.ensureFuture(main());
 * Python: asyncio.ensure_future(coro_or_future, *, loop=None)
 */
export function ensureFuture<T>(x: Future<T> | Coroutine<T> | Awaitable<T>, loop?: EventLoop | null): Future<T> {
  if (arguments.length < 1) throw _missingArguments("ensureFuture", ["coroOrFuture"]);
  if (isFuture(x)) {
    if (loop != null && loop !== _getLoop(x)) {
      throw new ValueError("The future belongs to a different loop than the one specified as the loop argument");
    }
    return x as Future<T>;
  }
  let coro: Coroutine<T>;
  let wrapped = false;
  if (isCoroutine(x)) {
    coro = x as Coroutine<T>;
  } else if (isAwaitable(x)) {
    coro = _wrapAwaitable(x as Awaitable<T>);
    wrapped = true;
  } else {
    throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
  }
  const target = loop ?? getEventLoop();
  try {
    return target.createTask(coro);
  } catch (err) {
    if (!wrapped && err instanceof RuntimeError) coro.return(undefined as T);
    throw err;
  }
}
