/**
 * `TaskGroup`: structured concurrency. Tasks created in the group are all
 * awaited when the block ends; the first error cancels the others (and the
 * block itself), and every error comes out together in an ExceptionGroup.
 *
 * Python: asyncio/taskgroups.py (3.11)
 */
import type { EventLoop } from "./base-events";
import type { Coroutine, TaggedFunction } from "./coroutines";
import { _isBaseExceptionOnly, BaseExceptionGroup, CancelledError, ExceptionGroup, RuntimeError } from "./exceptions";
import type { Future } from "./futures";
import { getRunningLoop } from "./loops";
import { currentTask } from "./task-registry";
import type { Task, TaskOptions } from "./tasks";

/**
 * An async context manager for a group of tasks; its value in `asyncWith` is
 * the group itself, whose `createTask()` adds tasks. Leaving the block waits
 * for every task. If a task fails, the others and the block are cancelled, and
 * the errors are thrown as an ExceptionGroup "unhandled errors in a TaskGroup
 * (N sub-exceptions)"; an error thrown by the block itself joins them. A
 * cancellation of the enclosing task (not caused by the group) stays a
 * CancelledError. Throws RuntimeError for a group entered twice, or used
 * before entering, after finishing, or while shutting down.
 *
 * On abort the tasks are cancelled in the order they were created. CPython
 * keeps them in a set, so there that order follows memory addresses and can
 * change between runs: a program should not depend on it.
 *
 * Invariant: `_tasks` holds the group's tasks that are not done;
 * `_onCompletedFut`, while `aexit()` waits, is resolved when it empties.
 *
 * @example
 * yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
 *   tg.createTask(download("a"));
 *   tg.createTask(download("b"), { name: "b" });
 * });
 * console.log("both downloads are done");
 *
 * Python: asyncio.TaskGroup
 */
export class TaskGroup {
  /** @internal */ _entered = false;
  /** @internal */ _exiting = false;
  /** @internal */ _aborting = false;
  /** @internal */ _loop: EventLoop | null = null;
  /** @internal */ _parentTask: Task | null = null;
  /** @internal True once the group cancelled its parent task (it must then `uncancel()` it). */
  _parentCancelRequested = false;
  /** @internal */ _tasks = new Set<Task>();
  /** @internal Errors of failed tasks (null once the group has thrown them). */
  _errors: unknown[] | null = [];
  /** @internal */ _onCompletedFut: Future<boolean> | null = null;
  /** @internal `_onTaskDone` bound to this group, named for the observer. */
  _onTaskDoneCallback: (task: Task) => void;

  constructor() {
    this._onTaskDoneCallback = (task) => this._onTaskDone(task);
    (this._onTaskDoneCallback as TaggedFunction)._asyncioName = "TaskGroup._on_task_done";
  }

  /** Like CPython's repr: `<TaskGroup tasks=2 entered>`. */
  toString(): string {
    const info = [""];
    if (this._tasks.size > 0) info.push(`tasks=${this._tasks.size}`);
    if (this._errors !== null && this._errors.length > 0) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.join(" ")}>`;
  }

  /** Enter the group from the current task. Python: `__aenter__`. */
  *aenter(): Coroutine<this> {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this} has already been entered`);
    if (this._loop === null) this._loop = getRunningLoop();
    this._parentTask = currentTask(this._loop);
    if (this._parentTask === null) throw new RuntimeError(`TaskGroup ${this} cannot determine the parent task`);
    this._entered = true;
    return this;
  }

  /** Wait for every task, then throw what has to be thrown. Python: `__aexit__`. */
  *aexit(type: unknown, exc: unknown, _tb: unknown): Coroutine<void> {
    this._exiting = true;
    const parent = this._parentTask as Task;
    let propagateCancellationError: unknown = type === CancelledError ? exc : null;
    if (this._parentCancelRequested) {
      // We cancelled our parent ourselves, so we must take that request back.
      // No other request left: the CancelledError is not for anyone above us.
      if (parent.uncancel() === 0) propagateCancellationError = null;
    }
    // The block failed, or our parent is being cancelled: cancel the tasks.
    if (type !== null && !this._aborting) this._abort();

    // A loop, because _onCompletedFut is cancelled again each time our parent is.
    while (this._tasks.size > 0) {
      this._onCompletedFut ??= (this._loop as EventLoop).createFuture<boolean>();
      const completed = this._onCompletedFut;
      try {
        yield* completed;
      } catch (e) {
        if (!(e instanceof CancelledError)) throw e;
        if (!this._aborting) {
          // Our parent is being cancelled while it waits for the tasks here.
          propagateCancellationError = e;
          this._abort();
        }
      }
      this._onCompletedFut = null;
    }

    const errors = this._errors as unknown[];
    // A CancelledError goes on up, unless there are errors: those have priority.
    if (propagateCancellationError !== null && errors.length === 0) throw propagateCancellationError;
    if (type !== null && type !== CancelledError) errors.push(exc);
    if (errors.length > 0) {
      this._errors = null;
      throw errors.some(_isBaseExceptionOnly)
        ? new BaseExceptionGroup("unhandled errors in a TaskGroup", errors)
        : new ExceptionGroup("unhandled errors in a TaskGroup", errors);
    }
  }

  /**
   * Create a task in this group (like `createTask()`) and return it.
   * @example
   * const t = tg.createTask(fetch("a"), { name: "fetch-a" });
   */
  createTask<T>(coro: Coroutine<T>, options: TaskOptions = {}): Task<T> {
    if (!this._entered) throw new RuntimeError(`TaskGroup ${this} has not been entered`);
    if (this._exiting && this._tasks.size === 0) throw new RuntimeError(`TaskGroup ${this} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${this} is shutting down`);
    // As in CPython, the task first gets its default name, then `name`.
    const task = (this._loop as EventLoop).createTask(coro);
    if (options.name !== undefined && options.name !== null) task.setName(options.name);
    task.addDoneCallback(this._onTaskDoneCallback as (t: Task<T>) => void);
    this._tasks.add(task as Task);
    return task;
  }

  /** @internal Cancel every task that is not done. */
  _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) {
      if (!t.done()) t.cancel();
    }
  }

  /** @internal A task finished: forget it, record its error, and on the first error cancel everything. */
  _onTaskDone(task: Task): void {
    this._tasks.delete(task);
    if (this._onCompletedFut !== null && this._tasks.size === 0 && !this._onCompletedFut.done()) {
      this._onCompletedFut.setResult(true);
    }
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    (this._errors as unknown[]).push(exc);
    // (CPython also singles out SystemExit and KeyboardInterrupt here; JavaScript has neither.)
    const parent = this._parentTask as Task;
    if (parent.done()) {
      (this._loop as EventLoop).callExceptionHandler({
        message: `Task ${task} has errored out but its parent task ${parent} is already completed`,
        exception: exc,
        task,
      });
      return;
    }
    if (!this._aborting && !this._parentCancelRequested) {
      // Cancel the parent too, to interrupt whatever the block is awaiting;
      // aexit() takes this request back with uncancel().
      this._abort();
      this._parentCancelRequested = true;
      parent.cancel();
    }
  }
}
Object.defineProperty(TaskGroup, "name", { value: "TaskGroup" });
