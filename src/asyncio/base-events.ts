/**
 * The event loop, written after CPython's `base_events.py`: the class that owns the
 * ready queue of handles and the timer heap, with the methods that schedule callbacks
 * (`callSoon`, `callLater`, `callAt`), make futures and tasks, and close the loop.
 * The rest of CPython's `BaseEventLoop` is split by concept: running it is the base
 * class `LoopRunner` (loop-running.ts, over host-loop.ts), the exception handler its
 * base `LoopExceptionHandler` (exception-handler.ts), and one turn `_runOnce`
 * (run-once.ts).
 */
import { realTime, type ClockKind } from "./clock";
import { _repr, type Coroutine } from "./coroutines";
import { NO_ARGS, _packArgs } from "./call-args";
import { Handle, TimerHandle, type Callback } from "./events";
import { RuntimeError } from "./exceptions";
import { _pyNumber } from "./py-compare";
import { _checkCallback, type ExceptionContext, type ExceptionHandler } from "./exception-handler";
import { _FLAG_LOG_TRACEBACK } from "./future-state";
import { Future } from "./futures";
import { TimerHeap } from "./heap";
import { _wakeUp } from "./host-loop";
import { LoopRunner } from "./loop-running";
import { _setLoopFactory } from "./loops";
import { _emitCloseEvent, _emitHandleEvent, type EventBody, type LoopEvent, type LoopObserver } from "./observer";
import { ReadyQueue } from "./ready-queue";
import { Task, type TaskOptions } from "./tasks";
import { _missingArguments } from "./arity";

export type { ExceptionContext, ExceptionHandler };

/**
 * An event loop. Create one with `newEventLoop()`, or let `run()` do it.
 * Invariants: `_ready` is the ready queue, in order; `_timers` is the
 * heap of timers by deadline (possibly holding cancelled ones, counted in
 * `_timerCancelledCount`); a handle runs only from `_runOnce`.
 * @example
 * const loop = asyncio.newEventLoop();
 * loop.callLater(1, () => { console.log("one second"); loop.stop(); });
 * await loop.runForever();
 * loop.close();
 * Python: asyncio.BaseEventLoop
 */
export class EventLoop extends LoopRunner {
  /** @internal */ _ready = new ReadyQueue();
  /** The timer heap. @internal */ _timers = new TimerHeap<TimerHandle>();
  /** @internal */ _timerCancelledCount = 0;
  /** @internal */ _closed = false;
  /** @internal */ readonly _virtual: boolean;
  /** Virtual clock time. @internal */ _vtime = 0;
  /** @internal */ _observer: LoopObserver | null;
  /** Loop turns run so far (observer events carry it). @internal */ _iteration = 0;
  /** @internal */ _handleIds = 0;
  /** Ids of futures and tasks (one counter). @internal */ _futureIds = 0;
  /** @internal */ _currentTask: Task | null = null;
  /** The tasks not done yet in the order made, with null where one finished (task-registry.ts). @internal */
  _tasks: (Task | null)[] = [];
  /** How many of `_tasks` are null. @internal */ _deadTasks = 0;
  /** Futures whose exception nobody retrieved yet (reported at close). @internal */
  _unretrieved = new Set<Future>();

  /** @internal Use `newEventLoop()`. */
  constructor(options: { clock: ClockKind; observer: LoopObserver | null }) {
    super();
    this._virtual = options.clock === "virtual";
    this._observer = options.observer;
  }

  /**
   * The timer heap's handles, in heap order (CPython's `loop._scheduled`), for
   * observers and tests: read only. @internal
   */
  get _scheduled(): readonly TimerHandle[] {
    return this._timers.items;
  }

  /** CPython's repr. */
  override toString(): string {
    return `<EventLoop running=${this.isRunning() ? "True" : "False"} closed=${this._closed ? "True" : "False"} debug=False>`;
  }

  /**
   * The loop's clock in seconds: 0 at creation on the virtual clock, the host's
   * monotonic clock on the real one.
   * @example
   * console.log(loop.time());
   * Python: loop.time()
   */
  time(): number {
    return this._virtual ? this._vtime : realTime();
  }

  /**
   * Queue `callback(...args)` to run on a coming turn, after what is already queued.
   * Throws TypeError for a non-function, RuntimeError("Event loop is closed").
   * @example
   * loop.callSoon(console.log, "hello");
   * Python: loop.call_soon(callback, *args)
   */
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle;
  callSoon(callback: Callback, arg?: unknown): Handle {
    if (arguments.length < 1) throw _missingArguments("BaseEventLoop.callSoon", ["callback"]);
    this._checkClosed();
    _checkCallback(callback, "callSoon");
    // No rest parameter, on purpose (here and in callLater/callAt): a rest parameter
    // allocates an array on every call, and almost every call passes zero or one
    // argument. `arguments.length` tells those apart (`cb()` is not `cb(undefined)`);
    // V8 reads it without building the arguments object.
    const n = arguments.length - 1;
    const args = n === 0 ? NO_ARGS : n === 1 ? arg : _packArgs(arguments, 1);
    return this._queue(new Handle(callback, args, this));
  }

  /**
   * Queue `callback(arg)` with no handle for anyone to keep (a task's next step, a
   * future's done callbacks: nothing can cancel them, see ready-queue.ts). @internal
   */
  _callSoon(callback: Callback, arg: unknown): void {
    if (this._observer !== null) {
      this._queue(new Handle(callback, arg, this)); // the observer reports and lists handles
      return;
    }
    this._ready.pushCall(callback, arg);
    if (this._waiting) _wakeUp(this);
  }

  private _queue(handle: Handle): Handle {
    this._ready.push(handle);
    if (this._observer !== null) this._emitHandle("schedule", handle);
    if (this._waiting) _wakeUp(this);
    return handle;
  }

  /**
   * Run `callback(...args)` after `delay` seconds; returns a TimerHandle.
   * @example
   * loop.callLater(0.5, console.log, "half a second later");
   * Python: loop.call_later(delay, callback, *args)
   */
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle;
  callLater(delay: number, callback: Callback, arg?: unknown): TimerHandle {
    if (arguments.length < 2) throw _missingArguments("BaseEventLoop.callLater", ["delay", "callback"], arguments.length);
    if (delay === null || delay === undefined) throw new TypeError("delay must not be None");
    if (typeof delay !== "number") delay = _pyNumber(delay, "+", "float"); // loop.time() + delay
    const n = arguments.length - 2; // see callSoon: no rest parameter
    const args = n === 0 ? NO_ARGS : n === 1 ? arg : _packArgs(arguments, 2);
    return this._callAt(this.time() + delay, callback, args); // CPython names call_at() in errors here too
  }

  /**
   * Run `callback(...args)` when `loop.time()` reaches `when`; returns a TimerHandle.
   * @example
   * loop.callAt(loop.time() + 2, () => console.log("two seconds"));
   * Python: loop.call_at(when, callback, *args)
   */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle;
  callAt(when: number, callback: Callback, arg?: unknown): TimerHandle {
    if (arguments.length < 2) throw _missingArguments("BaseEventLoop.callAt", ["when", "callback"], arguments.length);
    if (when === null || when === undefined) throw new TypeError("when cannot be None");
    if (typeof when !== "number") throw new TypeError(`when must be a number, not ${_repr(when)}`);
    const n = arguments.length - 2; // see callSoon: no rest parameter
    const args = n === 0 ? NO_ARGS : n === 1 ? arg : _packArgs(arguments, 2);
    return this._callAt(when, callback, args);
  }

  /** Push a timer onto the heap; `args` are packed (see call-args.ts). */
  private _callAt(when: number, callback: unknown, args: unknown): TimerHandle {
    this._checkClosed();
    _checkCallback(callback, "callAt");
    const timer = new TimerHandle(when, callback as Callback, args, this);
    // The heap reads the deadline where the timer keeps it (see TimerHeap.push).
    timer._heapSlot = this._timers.push(timer, timer._deadlines, timer._deadlineIndex);
    timer._heapLoop = this;
    if (this._observer !== null) this._emitHandle("schedule", timer);
    if (this._waiting) _wakeUp(this);
    return timer;
  }

  /** @internal Python: loop._timer_handle_cancelled(handle) */
  _timerHandleCancelled(handle: TimerHandle): void {
    if (handle._scheduled) this._timerCancelledCount++;
  }

  /**
   * A new pending Future bound to this loop.
   * @example
   * const fut = loop.createFuture<number>();
   * Python: loop.create_future()
   */
  createFuture<T = unknown>(): Future<T> {
    return new Future<T>({ loop: this });
  }

  /**
   * Wrap `coro` in a Task whose first step runs on the next turn.
   * Throws RuntimeError("Event loop is closed"), TypeError for a non-coroutine.
   * @example
   * const task = loop.createTask(main(), { name: "main" });
   * Python: loop.create_task(coro, *, name=None)
   */
  createTask<T>(coro: Coroutine<T>, options?: TaskOptions): Task<T> {
    this._checkClosed();
    return new Task<T>(coro, options, this);
  }

  /**
   * Close the loop: drop queued callbacks and timers, and report futures whose
   * exception was never retrieved. Throws RuntimeError("Cannot close a running event
   * loop"); closing twice does nothing.
   * @example
   * loop.close();
   * Python: loop.close()
   */
  close(): void {
    if (this._running) throw new RuntimeError("Cannot close a running event loop");
    if (this._closed) return;
    // CPython reports these when the future is garbage-collected; JavaScript has no
    // hook at that moment, so the loop reports them when it closes.
    for (const fut of this._unretrieved) {
      if ((fut._flags & _FLAG_LOG_TRACEBACK) === 0) continue;
      this.callExceptionHandler({
        message: `${(fut.constructor as { name: string }).name} exception was never retrieved`,
        exception: fut._result, // the flag is only set with an exception
        future: fut,
      });
    }
    this._unretrieved.clear();
    if (this._observer !== null) _emitCloseEvent(this);
    this._closed = true;
    this._ready.clear();
    this._timers.clear();
  }

  /**
   * True once `close()` was called.
   * @example
   * loop.isClosed(); // false
   * Python: loop.is_closed()
   */
  isClosed(): boolean {
    return this._closed;
  }

  /** @internal */
  _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }

  /** Send one event to the observer, stamped with time and turn. @internal */
  _emit(body: EventBody): void {
    const event = body as LoopEvent;
    event.time = this.time();
    event.iteration = this._iteration;
    (this._observer as LoopObserver)(event);
  }

  /** @internal */
  _emitHandle(type: "schedule" | "run" | "cancel", handle: Handle): void {
    _emitHandleEvent(this, type, handle);
  }
}
Object.defineProperty(EventLoop, "name", { value: "EventLoop" });

_setLoopFactory((options) => new EventLoop(options));
