/**
 * `run(main())`: the usual entry point, like Python's `asyncio.run`.
 */
import type { EventLoop } from "./base-events";
import type { LoopOptions } from "./config";
import { _repr, isCoroutine, type Coroutine } from "./coroutines";
import { RuntimeError, ValueError } from "./exceptions";
import { _gatherSettled } from "./gather-settled";
import { _getRunningLoop, newEventLoop, setEventLoop } from "./loops";
import { allTasks } from "./task-registry";
import type { Task } from "./tasks";

/**
 * Run `main` on a new event loop and resolve to its result: the loop is created and set
 * as current, runs until `main` is done, then every task still pending is cancelled and
 * awaited, async generators are closed, and the loop is closed. Throws (synchronously)
 * RuntimeError when called while a loop is running, ValueError for a non-coroutine.
 * @example
 * function* main() { yield* asyncio.sleep(1); return "done"; }
 * console.log(await asyncio.run(main()));
 * Python: asyncio.run(main, *, debug=None)
 */
export function run<T>(main: Coroutine<T>, options?: LoopOptions): Promise<T> {
  if (_getRunningLoop() !== null) {
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  }
  if (!isCoroutine(main)) throw new ValueError(`a coroutine was expected, got ${_repr(main)}`);
  const loop = newEventLoop(options);
  setEventLoop(loop);
  const task = loop.createTask(main);
  return runAndClose(loop, task);
}

async function runAndClose<T>(loop: EventLoop, task: Task<T>): Promise<T> {
  try {
    return await loop.runUntilComplete(task);
  } finally {
    try {
      await cancelAllTasks(loop);
      await loop.runUntilComplete(loop.shutdownAsyncgens());
      await loop.runUntilComplete(loop.shutdownDefaultExecutor());
    } finally {
      setEventLoop(null);
      loop.close();
    }
  }
}

/** Cancel the tasks `main` left behind and wait until they are all done. */
async function cancelAllTasks(loop: EventLoop): Promise<void> {
  const toCancel = [...allTasks(loop)];
  if (toCancel.length === 0) return;
  for (const task of toCancel) task.cancel();
  await loop.runUntilComplete(_gatherSettled(loop, toCancel));
  for (const task of toCancel) {
    if (task.cancelled()) continue;
    const exc = task.exception();
    if (exc !== null) {
      loop.callExceptionHandler({
        message: "unhandled exception during asyncio.run() shutdown",
        exception: exc,
        task,
      });
    }
  }
}
