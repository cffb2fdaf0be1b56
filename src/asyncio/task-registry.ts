/**
 * Which tasks a loop has, and which one runs: CPython's `_register_task`,
 * `_unregister_task`, `_enter_task`, `_leave_task`, `current_task()` and `all_tasks()`.
 *
 * A loop's tasks that are not done yet sit in an array in the order they were made
 * (`loop._tasks`), where CPython keeps a WeakSet; each task knows its index
 * (`task._taskIndex`). A task that finishes leaves null in its place, so registering
 * and unregistering touch no other task (100k tasks finishing in one turn, as gather
 * makes them, touch only the array, in order). The nulls are squeezed out when a new
 * task comes and they are more than half the array, or all at once when the last
 * task finishes.
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
  if (loop._deadTasks > 32 && loop._deadTasks * 2 > loop._tasks.length) _compactTasks(loop);
  task._taskIndex = loop._tasks.length;
  loop._tasks.push(task);
}

/**
 * Take a finished task off the list.
 * @example
 * _unregisterTask(loop, task); // allTasks(loop) no longer has it
 * @internal Python: asyncio.tasks._unregister_task(task)
 */
export function _unregisterTask(loop: EventLoop, task: Task): void {
  const i = task._taskIndex;
  if (i < 0) return;
  task._taskIndex = -1;
  const tasks = loop._tasks;
  tasks[i] = null;
  if (++loop._deadTasks === tasks.length) {
    loop._tasks = [];
    loop._deadTasks = 0;
  }
}

/** Drop the nulls from `loop._tasks`, keeping the order, and renumber the tasks. */
function _compactTasks(loop: EventLoop): void {
  const tasks = loop._tasks;
  let n = 0;
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i];
    if (t === null) continue;
    t._taskIndex = n;
    tasks[n++] = t;
  }
  tasks.length = n;
  loop._deadTasks = 0;
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
  for (const t of (loop ?? getRunningLoop())._tasks) {
    if (t !== null && !t.done()) result.add(t);
  }
  return result;
}
