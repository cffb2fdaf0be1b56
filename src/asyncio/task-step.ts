/**
 * A task's step: send into its coroutine (`coro.next()`, Python's `send(None)`) or throw
 * into it (`coro.throw(exc)`), then look at what it yielded: a future to wait on, or a
 * bare `yield` to run again next turn. CPython's `Task.__step`, `__step_run_and_handle_result`
 * and `__wakeup`, as free functions over a Task (tasks.ts).
 *
 * The step is one function for every task, not a closure per task: the ready queue
 * holds `_taskStep` and the task as its argument, so creating a task allocates no
 * function. The wakeup closure (`task._wakeupCb`, a done callback on the future the
 * task waits for) is made the first time a task waits, so tasks that never wait on a
 * future never make one.
 */
import { _repr, isCoroutine } from "./coroutines";
import type { TaskCallback, TaskMethod } from "./events";
import { CancelledError, InvalidStateError, RuntimeError } from "./exceptions";
import { Future } from "./futures";
import { _FLAG_MUST_CANCEL, _PENDING, _cancelMessageOf, _saveCancelledError, _takeCancelledError } from "./future-state";
import { _enterTask, _leaveTask, _unregisterTask } from "./task-registry";
import type { Task } from "./tasks";

/**
 * One step of `task`: `_taskStep(task)` sends into the coroutine, `_taskStep(task, exc)`
 * throws `exc` into it; then what it yielded decides when the task runs next. Handles
 * and messages show it as `Task.task_step`, without the task argument (see `TaskMethod`).
 * @example
 * loop._callSoon(_taskStep, task); // the task's next step, on the next turn
 * @internal Python: Task.__step(exc=None)
 */
export const _taskStep: TaskMethod & ((task: Task, exc?: unknown) => void) = Object.assign(
  (task: Task, exc?: unknown): void => {
    if (task._state !== _PENDING) {
      throw new InvalidStateError(`_step(): already done: ${task} ${exc === undefined ? "None" : _repr(exc)}`);
    }
    if ((task._flags & _FLAG_MUST_CANCEL) !== 0) {
      if (!(exc instanceof CancelledError)) exc = _takeCancelledError(task);
      task._flags &= ~_FLAG_MUST_CANCEL;
    }
    const loop = task._loop;
    task._futWaiter = null;
    _enterTask(loop, task);
    try {
      if (loop._observer !== null) {
        loop._emit({ type: "task-step", task: task._id, resume: exc === undefined ? "send" : "throw" });
      }
      let r: IteratorResult<unknown, unknown>;
      try {
        // This is where the event loop's send() happens: the coroutine runs up to its
        // next yield. A bare step sends undefined (Python: None); a wakeup after an
        // error throws it in at the coroutine's current yield*.
        r = exc === undefined ? task._coro.next(undefined) : task._coro.throw(exc);
      } catch (err) {
        _unregisterTask(loop, task);
        if (err instanceof CancelledError) {
          task._cancelNow(null);
          // Keep the original error so the CancelledError raised later is this one.
          _saveCancelledError(task, err);
        } else {
          task._finishWithException(err ?? new TypeError("exceptions must derive from BaseException"));
        }
        return;
      }
      if (r.done === true) {
        _unregisterTask(loop, task);
        if ((task._flags & _FLAG_MUST_CANCEL) !== 0) {
          // Cancelled right before the coroutine returned.
          task._flags &= ~_FLAG_MUST_CANCEL;
          task._cancelNow(_cancelMessageOf(task));
        } else {
          Future.prototype.setResult.call(task, r.value); // Task's own setResult throws
        }
        return;
      }
      _handleYield(task, r.value);
    } finally {
      _leaveTask(loop, task);
    }
  },
  { _asyncioName: "Task.task_step", _asyncioTaskMethod: "step" as const },
);

/**
 * What the coroutine yielded decides when the task runs again: a bare yield, next
 * turn; a future (through `yield*`), when that future is done; anything else, next
 * turn with a RuntimeError thrown in.
 * @example
 * _handleYield(task, undefined); // the task's step is queued for the next turn
 * @internal Python: the end of Task.__step_run_and_handle_result
 */
export function _handleYield(task: Task, result: unknown): void {
  const loop = task._loop;
  if (result === undefined) {
    // A bare yield gives up the loop for one turn.
    loop._callSoon(_taskStep, task);
    if (loop._observer !== null) loop._emit({ type: "task-suspend", task: task._id, future: null });
    return;
  }
  const blocking = typeof result === "object" && result !== null
    ? (result as { _asyncioFutureBlocking?: unknown })._asyncioFutureBlocking : undefined;
  let error: RuntimeError;
  if (blocking !== undefined && blocking !== null) {
    // Yielded by a future's iterator (yield*), or by a plain `yield fut` (not blocking).
    const fut = result as Future;
    if (_getLoop(fut) !== loop) {
      error = new RuntimeError(`Task ${task} got Future ${fut} attached to a different loop`);
    } else if (blocking) {
      if (fut === (task as Future)) {
        error = new RuntimeError(`Task cannot await on itself: ${task}`);
      } else {
        // Sleep until the future is done; its done callback (our wakeup) resumes us.
        fut._asyncioFutureBlocking = false; // an accessor on Future (a bit of `_flags`); a plain field on a duck-typed future
        fut.addDoneCallback(task._wakeupCb ?? _makeWakeup(task));
        task._futWaiter = fut;
        if (loop._observer !== null) loop._emit({ type: "task-suspend", task: task._id, future: fut._id ?? null });
        if ((task._flags & _FLAG_MUST_CANCEL) !== 0 && fut.cancel(_cancelMessageOf(task))) {
          task._flags &= ~_FLAG_MUST_CANCEL;
        }
        return;
      }
    } else {
      error = new RuntimeError(`yield was used instead of yield from in task ${task} with ${fut}`);
    }
  } else if (isCoroutine(result) && Object.prototype.toString.call(result) === "[object Generator]") {
    error = new RuntimeError(`yield was used instead of yield from for generator in task ${task} with ${_repr(result)}`);
  } else {
    error = new RuntimeError(`Task got bad yield: ${_repr(result)}`);
  }
  // Answer a wrong yield by throwing the error into the coroutine on the next step.
  loop.callSoon(_taskStep, task, error);
  if (loop._observer !== null) loop._emit({ type: "task-suspend", task: task._id, future: null });
}

/**
 * The task's wakeup callback, made once per task: tasks that never wait never need one.
 * When the waited-on future is done, it steps the task again, sending the future's
 * result or throwing its error.
 * @example
 * fut.addDoneCallback(task._wakeupCb ?? _makeWakeup(task));
 * @internal Python: Task.__wakeup(future)
 */
export function _makeWakeup(task: Task): TaskCallback & ((fut: Future) => void) {
  const wakeup = ((future: Future): void => {
    let exc: unknown = undefined;
    try {
      future.result();
    } catch (err) {
      exc = err ?? new TypeError("exceptions must derive from BaseException");
    }
    _taskStep(task, exc);
  }) as TaskCallback & ((fut: Future) => void);
  wakeup._asyncioTask = task; // how handles, events and reprs name it (Task.task_wakeup)
  task._wakeupCb = wakeup;
  return wakeup;
}

/**
 * A future's loop, also for duck-typed futures (their `getLoop()`, else `_loop`).
 * @example
 * _getLoop(fut) === loop; // true
 * @internal Python: asyncio.futures._get_loop(fut)
 */
export function _getLoop(fut: Future): Future["_loop"] {
  return typeof fut.getLoop === "function" ? fut.getLoop() : fut._loop;
}
