/**
 * `run(main())` and `Runner`: the entry points, like Python's `asyncio.run` and
 * `asyncio.Runner` (Lib/asyncio/runners.py).
 *
 * A runner owns one loop for several `run()` calls; closing it does the shutdown every
 * `asyncio.run()` ends with: cancel the tasks left over and wait for them, close the
 * async generators, shut down the default executor, close the loop. `run()` is a runner
 * used once. Where Python blocks in `run_until_complete`, these return promises.
 */
import type { EventLoop } from "./base-events";
import type { LoopOptions } from "./config";
import { _repr, isCoroutine, type Coroutine } from "./coroutines";
import { RuntimeError, ValueError } from "./exceptions";
import { _gatherSettled } from "./gather-settled";
import { _getRunningLoop, newEventLoop, setEventLoop } from "./loops";
import { allTasks, currentTask } from "./task-registry";

/**
 * What `new Runner()` accepts: the loop's clock and observer (as `newEventLoop()`
 * takes them), or a `loopFactory` that makes the loop instead.
 * @example
 * new asyncio.Runner({ clock: "virtual" });
 * Python: the keyword arguments of asyncio.Runner (debug has no twin here)
 */
export interface RunnerOptions extends LoopOptions {
  /** Makes the runner's loop; the runner then leaves the current loop alone. Python: loop_factory */
  loopFactory?: (() => EventLoop) | null;
}

const CREATED = 0;
const INITIALIZED = 1;
const CLOSED = 2;

/**
 * One event loop for several `run()` calls, closed once at the end. A task started in
 * one `run()` carries on in the next (it moves only while a `run()` is running the
 * loop). Python's `with asyncio.Runner() as runner:` is a `try`/`finally` here.
 * @example
 * const runner = new asyncio.Runner();
 * try {
 *   await runner.run(setUp());
 *   console.log(await runner.run(main()));
 * } finally {
 *   await runner.close(); // what leaving the with block does
 * }
 * Python: asyncio.Runner(*, debug=None, loop_factory=None)
 */
export class Runner {
  /** @internal CREATED, INITIALIZED or CLOSED, as CPython's `_State`. */
  _state = CREATED;
  /** @internal Made on first use (`run()` or `getLoop()`). */
  _loop: EventLoop | null = null;
  /** @internal Whether this runner set its loop as the current one (and so clears it). */
  _setEventLoop = false;
  /** @internal */
  readonly _options: RunnerOptions;

  /**
   * A runner whose loop is made on first use.
   * @example
   * const runner = new asyncio.Runner({ loopFactory: () => asyncio.newEventLoop() });
   * Python: asyncio.Runner(loop_factory=...)
   */
  constructor(options: RunnerOptions = {}) {
    this._options = options;
  }

  /**
   * Run `coro` as a task on the runner's loop and resolve to its result. Throws
   * (synchronously) ValueError for a non-coroutine, RuntimeError when a loop is running
   * or the runner is closed.
   * @example
   * const value = await runner.run(compute());
   * Python: Runner.run(coro, *, context=None)
   */
  run<T>(coro: Coroutine<T>): Promise<T> {
    if (!isCoroutine(coro)) throw new ValueError(`a coroutine was expected, got ${_repr(coro)}`);
    if (_getRunningLoop() !== null) {
      throw new RuntimeError("Runner.run() cannot be called from a running event loop");
    }
    const loop = this._lazyInit();
    return loop.runUntilComplete(loop.createTask(coro));
  }

  /**
   * The runner's loop, made now if it is not made yet. Throws RuntimeError once closed.
   * @example
   * runner.getLoop().isClosed(); // false
   * Python: Runner.get_loop()
   */
  getLoop(): EventLoop {
    return this._lazyInit();
  }

  /**
   * Shut down and close the loop: cancel the tasks left over and wait for them, close the
   * async generators, shut down the default executor. Does nothing on a runner that never
   * made its loop or is already closed; a closed runner cannot run again.
   * @example
   * await runner.close();
   * Python: Runner.close()
   */
  async close(): Promise<void> {
    if (this._state !== INITIALIZED) return;
    const loop = this._loop as EventLoop;
    try {
      await cancelAllTasks(loop);
      await loop.runUntilComplete(loop.shutdownAsyncgens());
      await loop.runUntilComplete(loop.shutdownDefaultExecutor());
    } finally {
      this._release();
    }
  }

  /** @internal Close the loop, unset it if this runner set it, and stay closed. */
  _release(): void {
    if (this._setEventLoop) setEventLoop(null);
    this._loop?.close();
    this._loop = null;
    this._state = CLOSED;
  }

  /** @internal Make the loop on first use; a closed runner stays closed. */
  _lazyInit(): EventLoop {
    if (this._state === CLOSED) throw new RuntimeError("Runner is closed");
    if (this._state === INITIALIZED) return this._loop as EventLoop;
    const { loopFactory, ...loopOptions } = this._options;
    if (loopFactory == null) {
      this._loop = newEventLoop(loopOptions);
      setEventLoop(this._loop);
      this._setEventLoop = true;
    } else {
      this._loop = loopFactory();
    }
    this._state = INITIALIZED;
    return this._loop;
  }
}

/**
 * Run `main` on a new event loop and resolve to its result: the loop is created and set
 * as current, runs until `main` is done, then every task still pending is cancelled and
 * awaited, async generators are closed, and the loop is closed (a `Runner` used once).
 * Throws (synchronously) RuntimeError when called while a loop is running, ValueError for
 * a non-coroutine.
 * @example
 * function* main() { yield* asyncio.sleep(1); return "done"; }
 * console.log(await asyncio.run(main()));
 * Python: asyncio.run(main, *, debug=None)
 */
export function run<T>(main: Coroutine<T>, options?: LoopOptions): Promise<T> {
  const running = _getRunningLoop();
  if (running !== null) {
    const error = new RuntimeError("asyncio.run() cannot be called from a running event loop");
    // Called with no task running: not from a coroutine, so (in a program) from the
    // module's top level while an earlier run's loop still runs, its Promise not awaited.
    // The runner words its hint by this (src/components/example/messages.ts).
    if (currentTask(running) === null) Object.defineProperty(error, "_outsideTask", { value: true });
    throw error;
  }
  // As CPython's `with Runner() as runner: return runner.run(main)`: entering the block
  // makes the loop and sets it as current, even for a `main` that run() then refuses.
  const runner = new Runner(options);
  runner._lazyInit();
  let result: Promise<T>;
  try {
    result = runner.run(main);
  } catch (error) {
    // Leaving the block closes the runner. Its loop never ran: nothing to shut down first.
    runner._release();
    throw error;
  }
  return runThenClose(runner, result);
}

async function runThenClose<T>(runner: Runner, result: Promise<T>): Promise<T> {
  try {
    return await result;
  } finally {
    await runner.close();
  }
}

/** Cancel the tasks the runs left behind and wait until they are all done. */
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
