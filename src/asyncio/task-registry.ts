/**
 * Which tasks a loop has, and which one runs: CPython's `_register_task`,
 * `_unregister_task`, `_enter_task`, `_leave_task`, `current_task()` and `all_tasks()`.
 *
 * A loop's tasks that are not done yet form a doubly linked list through the tasks
 * themselves (`task._prevTask` / `task._nextTask`, ends `loop._firstTask` /
 * `loop._lastTask`), where CPython keeps a WeakSet: registering a task allocates
 * nothing and hashes nothing, and a finished task leaves the list in O(1).
 * `loop._currentTask` is the task whose step is running, or null between steps.
 */
import type { EventLoop } from "./base-events";
import { RuntimeError } from "./exceptions";
import { getRunningLoop } from "./loops";
import type { Task } from "./tasks";

/**
 * Add a new task at the end of `loop`'s list of tasks not done yet.
 * @example
 * _registerTask(loop, task); // allTasks(loop) now has it
 * @internal Python: asyncio.tasks._register_task(task)
 */
export function _registerTask(loop: EventLoop, task: Task): void {
  const last = loop._lastTask;
  task._prevTask = last;
  if (last === null) loop._firstTask = task;
  else last._nextTask = task;
  loop._lastTask = task;
}

/**
 * Take a finished task off the list.
 * @example
 * _unregisterTask(loop, task); // allTasks(loop) no longer has it
 * @internal Python: asyncio.tasks._unregister_task(task)
 */
export function _unregisterTask(loop: EventLoop, task: Task): void {
  const prev = task._prevTask;
  const next = task._nextTask;
  if (prev === null) loop._firstTask = next;
  else prev._nextTask = next;
  if (next === null) loop._lastTask = prev;
  else next._prevTask = prev;
  task._prevTask = task._nextTask = null;
}

/**
 * Mark `task` as the one running on `loop`; throws RuntimeError if another one is.
 * @example
 * _enterTask(loop, task); // currentTask(loop) === task
 * @internal Python: asyncio.tasks._enter_task(loop, task)
 */
export function _enterTask(loop: EventLoop, task: Task): void {
  const current = loop._currentTask;
  if (current !== null) {
    throw new RuntimeError(`Cannot enter into task ${task} while another task ${current} is being executed.`);
  }
  loop._currentTask = task;
}

/**
 * Mark that `task` stopped running; throws RuntimeError if it was not the running one.
 * @example
 * _leaveTask(loop, task); // currentTask(loop) === null
 * @internal Python: asyncio.tasks._leave_task(loop, task)
 */
export function _leaveTask(loop: EventLoop, task: Task): void {
  const current = loop._currentTask;
  if (current !== task) {
    throw new RuntimeError(`Leaving task ${task} does not match the current task ${current}.`);
  }
  loop._currentTask = null;
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
