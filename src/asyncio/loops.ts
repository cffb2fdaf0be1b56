/**
 * Which loop is running, which loop is "current", and how new loops are made: the
 * parts of CPython's `events.py` policy machinery that asyncio code actually meets.
 *
 * JavaScript has one thread per realm, so the running-loop slot is a module variable
 * (CPython keeps it per thread).
 */
import type { EventLoop } from "./base-events";
import { _resolveOptions, type LoopOptions } from "./config";
import { RuntimeError } from "./exceptions";
import { pyTypeName } from "./py-compare";

let runningLoop: EventLoop | null = null;
let currentLoop: EventLoop | null = null;
let setCalled = false;
let loopFactory: ((options: ReturnType<typeof _resolveOptions>) => EventLoop) | null = null;

/**
 * base-events.ts registers the loop class here (CPython's policy `_loop_factory`).
 * @example
 * _setLoopFactory((options) => new EventLoop(options));
 * @internal
 */
export function _setLoopFactory(factory: (options: ReturnType<typeof _resolveOptions>) => EventLoop): void {
  loopFactory = factory;
}

/**
 * The running loop, or null.
 * @example
 * _getRunningLoop(); // null outside a running loop
 * @internal Python: asyncio.events._get_running_loop()
 */
export function _getRunningLoop(): EventLoop | null {
  return runningLoop;
}

/**
 * @example
 * _setRunningLoop(loop); // while it runs
 * _setRunningLoop(null); // once it stops
 * @internal Python: asyncio.events._set_running_loop(loop)
 */
export function _setRunningLoop(loop: EventLoop | null): void {
  runningLoop = loop;
}

/**
 * Create a new event loop; `options` win over `configure()`'s defaults.
 * @example
 * const loop = asyncio.newEventLoop({ clock: "virtual" });
 * console.log(await loop.runUntilComplete(main()));
 * loop.close();
 * Python: asyncio.new_event_loop()
 */
export function newEventLoop(options?: LoopOptions): EventLoop {
  if (loopFactory === null) throw new RuntimeError("the event loop module is not loaded");
  return loopFactory(_resolveOptions(options));
}

/**
 * The running loop, if a loop is running; otherwise the loop set with `setEventLoop()`,
 * creating and setting one the first time if none was ever set (as Python 3.11's default
 * policy does in the main thread). Throws RuntimeError after `setEventLoop(null)`.
 * @example
 * const loop = asyncio.getEventLoop();
 * Python: asyncio.get_event_loop()
 */
export function getEventLoop(): EventLoop {
  if (runningLoop !== null) return runningLoop;
  if (currentLoop === null && !setCalled) setEventLoop(newEventLoop());
  if (currentLoop === null) {
    throw new RuntimeError("There is no current event loop in thread 'MainThread'.");
  }
  return currentLoop;
}

/**
 * Make `loop` the current loop (what `getEventLoop()` returns when none is running).
 * @example
 * asyncio.setEventLoop(asyncio.newEventLoop());
 * Python: asyncio.set_event_loop(loop)
 */
export function setEventLoop(loop: EventLoop | null): void {
  setCalled = true;
  if (loop !== null && (typeof loop !== "object" || typeof loop.runForever !== "function")) {
    throw new TypeError(`loop must be an instance of AbstractEventLoop or None, not '${pyTypeName(loop)}'`);
  }
  currentLoop = loop;
}

/**
 * The running event loop. Throws RuntimeError("no running event loop") outside one.
 * @example
 * function* main() { const loop = asyncio.getRunningLoop(); console.log(loop.time()); }
 * Python: asyncio.get_running_loop()
 */
export function getRunningLoop(): EventLoop {
  if (runningLoop === null) throw new RuntimeError("no running event loop");
  return runningLoop;
}
