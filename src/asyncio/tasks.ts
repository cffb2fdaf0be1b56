/**
 * Task: a coroutine driven by the event loop. Each step sends into the coroutine
 * (`coro.next()`, Python's `send(None)`) or throws into it (`coro.throw(exc)`) and looks
 * at what it yields: a future to wait on, or a bare `yield` to run again next turn.
 *
 * Internals other modules of the library may use (besides Future's):
 * - `_coro`, `_futWaiter` (the future the task waits on, or null)
 * - `_mustCancel` (cancel() came while no waiter could take it: the next step throws
 *   CancelledError into the coroutine), `_numCancelsRequested`: both kept in Future's
 *   `_flags` number (see `_FLAG_MUST_CANCEL`), so a task has no field for either
 * - `_wakeupCb`: the task's wakeup callback, made the first time the task waits on a
 *   future (null before); its `_asyncioTask` property names the task
 * - `_prevTask` / `_nextTask`: the loop's list of tasks not done yet (see `_registerTask`)
 *
 * A task's step is not a closure: the ready queue holds a handle for `_taskStep` with
 * the task as its argument, so creating a task allocates no function at all.
 */
import type { EventLoop } from "./base-events";
import { _coroName, _repr, isAwaitable, isCoroutine, type Awaitable, type Coroutine } from "./coroutines";
import type { TaskCallback, TaskMethod } from "./events";
import { CancelledError, InvalidStateError, RuntimeError, ValueError } from "./exceptions";
import { Future, _FLAG_FREE, _PENDING, isFuture } from "./futures";
import { getEventLoop, getRunningLoop } from "./loops";
import type { DoneState } from "./observer";

let taskNameCounter = 0;

/** `_flags` bit (above Future's): cancel() came while no waiter could take it. */
const _FLAG_MUST_CANCEL = _FLAG_FREE;
/** `_flags` counts the pending cancellation requests from this bit up. */
const CANCEL_COUNT_SHIFT = 5;
const CANCEL_COUNT_ONE = 1 << CANCEL_COUNT_SHIFT;

/**
 * The callback of a task's step handle: `_taskStep(task)` sends into the coroutine,
 * `_taskStep(task, exc)` throws `exc` into it. One function for every task; handles
 * and messages show it as `Task.task_step`, without the task argument (see `TaskMethod`).
 * @internal Python: Task.__step
 */
export const _taskStep: TaskMethod = Object.assign(
  (task: Task, exc?: unknown): void => task._step(exc),
  { _asyncioName: "Task.task_step", _asyncioTaskMethod: "step" as const },
);

/** Options of `createTask()` / `loop.createTask()`. */
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
  /** Made on the first wait (see `_handleYield`). @internal */
  _wakeupCb: (TaskCallback & ((fut: Future) => void)) | null = null;
  /** Neighbours in the loop's list of tasks not done yet. @internal */
  _prevTask: Task | null = null;
  /** @internal */ _nextTask: Task | null = null;

  /**
   * Wrap `coro` and queue its first step. Throws TypeError for a non-coroutine and
   * RuntimeError("Event loop is closed") on a closed loop. Prefer `createTask()`.
   * @example
   * const task = new asyncio.Task(main(), { loop });
   * Python: asyncio.Task(coro, *, loop=None, name=None)
   */
  constructor(coro: Coroutine<T>, options?: TaskOptions & { loop?: EventLoop }) {
    if (!isCoroutine(coro)) throw new TypeError(`a coroutine was expected, got ${_repr(coro)}`);
    super(options);
    const name = options?.name;
    this._name = name === undefined || name === null ? ++taskNameCounter : String(name);
    this._coro = coro;
    const loop = this._loop;
    if (loop._observer !== null) {
      loop._emit({ type: "task-create", task: this._id, name: this.getName(), coro: _coroName(coro) });
    }
    loop._checkClosed(); // CPython's call_soon raises here, after the name is drawn
    loop._callSoon(_taskStep, this);
    _registerTask(loop, this);
  }

  /** How many cancellation requests are pending (in `_flags`). @internal */
  get _numCancelsRequested(): number {
    return this._flags >>> CANCEL_COUNT_SHIFT;
  }

  /** True if the next step must throw CancelledError into the coroutine (in `_flags`). @internal */
  get _mustCancel(): boolean {
    return (this._flags & _FLAG_MUST_CANCEL) !== 0;
  }

  set _mustCancel(value: boolean) {
    this._flags = value ? this._flags | _FLAG_MUST_CANCEL : this._flags & ~_FLAG_MUST_CANCEL;
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
    this._name = String(value);
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
    this._flags += CANCEL_COUNT_ONE;
    // If the waited-on future takes the cancellation, its done callback wakes us with
    // CancelledError. Keep _futWaiter: it may be a task that ignores the request.
    if (this._futWaiter !== null && this._futWaiter.cancel(msg)) return true;
    // Otherwise a step is already queued: it will throw CancelledError into the coroutine.
    this._mustCancel = true;
    this._cancelMessage = msg ?? null;
    return true;
  }

  /**
   * How many cancellation requests are pending.
   * @example
   * task.cancel(); task.cancelling(); // 1
   * Python: Task.cancelling()
   */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /**
   * Take back one cancellation request; returns the remaining count.
   * @example
   * task.uncancel(); // 0
   * Python: Task.uncancel()
   */
  uncancel(): number {
    if (this._flags >= CANCEL_COUNT_ONE) this._flags -= CANCEL_COUNT_ONE;
    return this._numCancelsRequested;
  }

  /**
   * One step: resume the coroutine until its next yield, then decide when it runs next.
   * @internal Python: Task.__step(exc=None)
   */
  _step(exc: unknown): void {
    if (this._state !== _PENDING) {
      throw new InvalidStateError(`_step(): already done: ${this} ${exc === undefined ? "None" : _repr(exc)}`);
    }
    if ((this._flags & _FLAG_MUST_CANCEL) !== 0) {
      if (!(exc instanceof CancelledError)) exc = this._makeCancelledError();
      this._flags &= ~_FLAG_MUST_CANCEL;
    }
    const loop = this._loop;
    this._futWaiter = null;
    _enterTask(loop, this);
    try {
      if (loop._observer !== null) {
        loop._emit({ type: "task-step", task: this._id, resume: exc === undefined ? "send" : "throw" });
      }
      let r: IteratorResult<unknown, T>;
      try {
        // This is where the event loop's send() happens: the coroutine runs up to its
        // next yield. A bare step sends undefined (Python: None); a wakeup after an
        // error throws it in at the coroutine's current yield*.
        r = exc === undefined ? this._coro.next(undefined) : this._coro.throw(exc);
      } catch (err) {
        _unregisterTask(loop, this);
        if (err instanceof CancelledError) {
          super.cancel();
          // Save the original error so the CancelledError we raise later is this one.
          // (After cancel(), which sets the message, null here, in the same field.)
          this._saveCancelledError(err);
        } else {
          super._finishWithException(err ?? new TypeError("exceptions must derive from BaseException"));
        }
        return;
      }
      if (r.done === true) {
        _unregisterTask(loop, this);
        if ((this._flags & _FLAG_MUST_CANCEL) !== 0) {
          // Cancelled right before the coroutine returned.
          this._flags &= ~_FLAG_MUST_CANCEL;
          super.cancel(this._cancelMessage);
        } else {
          super.setResult(r.value);
        }
        return;
      }
      this._handleYield(r.value);
    } finally {
      _leaveTask(loop, this);
    }
  }

  /** What the coroutine yielded decides when the task runs again. @internal */
  _handleYield(result: unknown): void {
    const loop = this._loop;
    if (result === undefined) {
      // A bare yield gives up the loop for one turn.
      loop._callSoon(_taskStep, this);
      if (loop._observer !== null) loop._emit({ type: "task-suspend", task: this._id, future: null });
      return;
    }
    const blocking = typeof result === "object" && result !== null
      ? (result as { _asyncioFutureBlocking?: unknown })._asyncioFutureBlocking : undefined;
    let error: RuntimeError;
    if (blocking !== undefined && blocking !== null) {
      // Yielded by a future's iterator (yield*), or by a plain `yield fut` (not blocking).
      const fut = result as Future;
      if (_getLoop(fut) !== loop) {
        error = new RuntimeError(`Task ${this} got Future ${fut} attached to a different loop`);
      } else if (blocking) {
        if (fut === (this as Future)) {
          error = new RuntimeError(`Task cannot await on itself: ${this}`);
        } else {
          // Sleep until the future is done; its done callback (our wakeup) resumes us.
          fut._asyncioFutureBlocking = false; // an accessor on Future (a bit of `_flags`); a plain field on a duck-typed future
          fut.addDoneCallback(this._wakeupCb ?? this._makeWakeup());
          this._futWaiter = fut;
          if (loop._observer !== null) loop._emit({ type: "task-suspend", task: this._id, future: fut._id ?? null });
          if (this._mustCancel && fut.cancel(this._cancelMessage)) this._mustCancel = false;
          return;
        }
      } else {
        error = new RuntimeError(`yield was used instead of yield from in task ${this} with ${fut}`);
      }
    } else if (isCoroutine(result) && Object.prototype.toString.call(result) === "[object Generator]") {
      error = new RuntimeError(`yield was used instead of yield from for generator in task ${this} with ${_repr(result)}`);
    } else {
      error = new RuntimeError(`Task got bad yield: ${_repr(result)}`);
    }
    // Answer a wrong yield by throwing the error into the coroutine on the next step.
    loop.callSoon(_taskStep as unknown as (task: Task, exc: unknown) => void, this, error);
    if (loop._observer !== null) loop._emit({ type: "task-suspend", task: this._id, future: null });
  }

  /** The wakeup callback, made once per task: tasks that never wait never need one. @internal */
  _makeWakeup(): TaskCallback & ((fut: Future) => void) {
    const wakeup = ((fut: Future) => this._wakeup(fut)) as TaskCallback & ((fut: Future) => void);
    wakeup._asyncioTask = this; // how handles, events and reprs name it (Task.task_wakeup)
    this._wakeupCb = wakeup;
    return wakeup;
  }

  /**
   * The waited-on future is done: step again, sending (result) or throwing (its error).
   * @internal Python: Task.__wakeup(future)
   */
  _wakeup(future: Future): void {
    let exc: unknown = undefined;
    try {
      future.result();
    } catch (err) {
      exc = err ?? new TypeError("exceptions must derive from BaseException");
    }
    this._step(exc);
  }

  /** @internal */
  override _reprInfo(): string[] {
    const info = super._reprInfo();
    if (this._numCancelsRequested > 0 && this._state === _PENDING) info[0] = "cancelling";
    info.splice(1, 0, `name=${_repr(this.getName())}`);
    info.splice(2, 0, `coro=<${_coroName(this._coro)}() ${this._state === _PENDING ? "running" : "done"}>`);
    if (this._futWaiter !== null) info.splice(3, 0, `wait_for=${this._futWaiter}`);
    return info;
  }
}
Object.defineProperty(Task, "name", { value: "Task" });

/** A future's loop, also for duck-typed futures. @internal */
export function _getLoop(fut: Future): EventLoop {
  return typeof fut.getLoop === "function" ? fut.getLoop() : fut._loop;
}

/**
 * Add a new task to `loop`'s list of tasks not done yet (what `allTasks()` walks): a
 * doubly linked list through the tasks themselves, so registering allocates nothing.
 * @internal Python: asyncio.tasks._register_task(task)
 */
export function _registerTask(loop: EventLoop, task: Task): void {
  const last = loop._lastTask;
  task._prevTask = last;
  if (last === null) loop._firstTask = task;
  else last._nextTask = task;
  loop._lastTask = task;
}

/** Take a finished task off the list. @internal Python: asyncio.tasks._unregister_task(task) */
function _unregisterTask(loop: EventLoop, task: Task): void {
  const prev = task._prevTask;
  const next = task._nextTask;
  if (prev === null) loop._firstTask = next;
  else prev._nextTask = next;
  if (next === null) loop._lastTask = prev;
  else next._prevTask = prev;
  task._prevTask = task._nextTask = null;
}

/** @internal Python: asyncio.tasks._enter_task(loop, task) */
function _enterTask(loop: EventLoop, task: Task): void {
  const current = loop._currentTask;
  if (current !== null) {
    throw new RuntimeError(`Cannot enter into task ${task} while another task ${current} is being executed.`);
  }
  loop._currentTask = task;
}

/** @internal Python: asyncio.tasks._leave_task(loop, task) */
function _leaveTask(loop: EventLoop, task: Task): void {
  const current = loop._currentTask;
  if (current !== task) {
    throw new RuntimeError(`Leaving task ${task} does not match the current task ${current}.`);
  }
  loop._currentTask = null;
}

/**
 * Wrap a coroutine in a task on the running loop and schedule it. Throws
 * RuntimeError("no running event loop") outside a running loop.
 * @example
 * const t = asyncio.createTask(worker(), { name: "worker-1" });
 * Python: asyncio.create_task(coro, *, name=None)
 */
export function createTask<T>(coro: Coroutine<T>, options?: TaskOptions): Task<T> {
  const loop = getRunningLoop();
  // As in CPython 3.11, the default name is drawn first and then replaced by `name`.
  const task = loop.createTask(coro);
  if (options?.name !== undefined && options.name !== null) task.setName(options.name);
  return task;
}

/**
 * The task running right now on `loop` (default: the running loop), or null.
 * @example
 * function* main() { console.log(asyncio.currentTask()?.getName()); }
 * Python: asyncio.current_task(loop=None)
 */
export function currentTask(loop?: EventLoop): Task | null {
  return (loop ?? getRunningLoop())._currentTask;
}

/**
 * The tasks of `loop` (default: the running loop) that are not done yet.
 * @example
 * console.log(asyncio.allTasks().size);
 * Python: asyncio.all_tasks(loop=None)
 */
export function allTasks(loop?: EventLoop): Set<Task> {
  const result = new Set<Task>();
  for (let t = (loop ?? getRunningLoop())._firstTask; t !== null; t = t._nextTask) {
    if (!t.done()) result.add(t);
  }
  return result;
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
