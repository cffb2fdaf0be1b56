/**
 * The event loop: a ready queue of handles, a timer heap, and `_runOnce`, one turn of
 * the loop, written after CPython's `base_events.py`.
 *
 * The calls that run the loop return Promises (a browser tab must not block). They
 * throw at once, not as a rejection, when the loop is closed or already running, or
 * when another loop runs. Between turns the loop hands control back to the host at
 * least every 10 ms, never in the middle of a turn.
 */
import { CLOCK_RESOLUTION, MAXIMUM_SELECT_TIMEOUT, hostTimer, realTime, type ClockKind } from "./clock";
import { _repr, type Coroutine } from "./coroutines";
import { Handle, ONE_ARG, TimerHandle, type Callback } from "./events";
import { RuntimeError } from "./exceptions";
import { _checkCallback, type ExceptionContext, type ExceptionHandler } from "./exception-handler";
import { Future } from "./futures";
import { TimerHeap } from "./heap";
import { HostLoop } from "./host-loop";
import { _setLoopFactory } from "./loops";
import { _emitCloseEvent, _emitHandleEvent, _emitIterationEvent, type EventBody, type LoopEvent, type LoopObserver } from "./observer";
import { ReadyQueue } from "./ready-queue";
import { Task, type TaskOptions } from "./tasks";

export type { ExceptionContext, ExceptionHandler };

/** CPython: drop cancelled timers in one sweep when more than half of over 100 are cancelled. */
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;

/**
 * The extra arguments of a `callLater`/`callAt` call that passes two or more (from
 * `all[2]` on), as the array a TimerHandle keeps. Those two take `arguments` instead
 * of a rest parameter (see `callSoon`) and call this only on that rare path: zero or
 * one argument, nearly every call, builds no array.
 */
function _timerArgs(all: IArguments): unknown[] {
  const rest: unknown[] = [];
  for (let i = 2; i < all.length; i++) rest.push(all[i]);
  return rest;
}

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
export class EventLoop extends HostLoop {
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
  /** Ends of the list of tasks not done yet, linked through the tasks (allTasks() walks it). @internal */
  _firstTask: Task | null = null;
  /** @internal */ _lastTask: Task | null = null;
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
    this._checkClosed();
    _checkCallback(callback, "callSoon");
    // No rest parameter, on purpose (here and in callLater/callAt): a rest parameter
    // allocates an array on every call, and almost every call passes zero or one
    // argument. `arguments.length` tells those apart (`cb()` is not `cb(undefined)`);
    // V8 reads it without building the arguments object.
    const n = arguments.length - 1;
    if (n <= 1) return this._queue(new Handle(callback, n === 0 ? null : ONE_ARG, this, arg));
    const args: unknown[] = [];
    for (let i = 1; i <= n; i++) args.push(arguments[i]);
    return this._callSoon(callback, args);
  }

  /** Append a handle to the ready queue (no checks). @internal */
  _callSoon(callback: Callback, args: readonly unknown[] | null): Handle {
    return this._queue(new Handle(callback, args, this, undefined));
  }

  /** `_callSoon(callback, [arg])` without the array (done callbacks, task steps). @internal */
  _callSoon1(callback: Callback, arg: unknown): Handle {
    return this._queue(new Handle(callback, ONE_ARG, this, arg));
  }

  private _queue(handle: Handle): Handle {
    this._ready.push(handle);
    if (this._observer !== null) this._emitHandle("schedule", handle);
    if (this._waiting) this._wakeUp();
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
    if (delay === null || delay === undefined) throw new TypeError("delay must not be None");
    if (typeof delay !== "number") throw new TypeError(`delay must be a number, not ${_repr(delay)}`);
    const n = arguments.length - 2; // see callSoon and _timerArgs: no rest parameter
    const args = n <= 1 ? (n === 0 ? null : ONE_ARG) : _timerArgs(arguments);
    return this._callAt(this.time() + delay, callback, args, arg); // CPython names call_at() in errors here too
  }

  /**
   * Run `callback(...args)` when `loop.time()` reaches `when`; returns a TimerHandle.
   * @example
   * loop.callAt(loop.time() + 2, () => console.log("two seconds"));
   * Python: loop.call_at(when, callback, *args)
   */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle;
  callAt(when: number, callback: Callback, arg?: unknown): TimerHandle {
    if (when === null || when === undefined) throw new TypeError("when cannot be None");
    if (typeof when !== "number") throw new TypeError(`when must be a number, not ${_repr(when)}`);
    const n = arguments.length - 2; // see callSoon and _timerArgs: no rest parameter
    const args = n <= 1 ? (n === 0 ? null : ONE_ARG) : _timerArgs(arguments);
    return this._callAt(when, callback, args, arg);
  }

  /** Push a timer onto the heap; `args` as Handle takes them (`ONE_ARG` with `arg`). */
  private _callAt(when: number, callback: unknown, args: readonly unknown[] | null, arg: unknown): TimerHandle {
    this._checkClosed();
    _checkCallback(callback, "callAt");
    const timer = new TimerHandle(when, callback as Callback, args, this, arg);
    this._timers.push(timer);
    timer._scheduled = true;
    if (this._observer !== null) this._emitHandle("schedule", timer);
    if (this._waiting) this._wakeUp();
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
    return new Task<T>(coro, { loop: this, name: options?.name });
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
      if (!fut._logTraceback) continue;
      this.callExceptionHandler({
        message: `${(fut.constructor as { name: string }).name} exception was never retrieved`,
        exception: fut._exception,
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

  /**
   * One full turn of the loop. Returns false when the real clock must wait on the host
   * first (then `_dispatch` finishes the turn). @internal
   * Python: BaseEventLoop._run_once()
   */
  _runOnce(): boolean {
    this._iteration++;
    // Drop cancelled timers: in one sweep when they are too many, else from the top.
    const timers = this._timers;
    if (timers.size > MIN_SCHEDULED_TIMER_HANDLES &&
        this._timerCancelledCount / timers.size > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
      timers.filter((handle) => {
        if (handle._cancelled) handle._scheduled = false;
        return !handle._cancelled;
      });
      this._timerCancelledCount = 0;
    } else {
      while (timers.size > 0 && timers.peek()._cancelled) {
        this._timerCancelledCount--;
        timers.pop()._scheduled = false;
      }
    }

    // Compute how long to wait: not at all if something is ready or we are stopping,
    // until the next deadline (at most a day) if a timer waits, else forever (null).
    let timeout: number | null = null;
    if (this._ready.size > 0 || this._stopping) {
      timeout = 0;
    } else if (timers.size > 0) {
      timeout = Math.min(Math.max(0, timers.peekWhen() - this.time()), MAXIMUM_SELECT_TIMEOUT);
    }

    // Wait. The virtual clock jumps by exactly the timeout, as the Python harness's
    // selector does; the real clock waits on a host timer (or a wake-up).
    if (this._virtual) {
      if (timeout === null) {
        throw new RuntimeError("virtual clock: deadlock (nothing ready and no timer scheduled)");
      }
      this._vtime += timeout;
    } else if (timeout !== 0) {
      this._waiting = true;
      if (timeout !== null) this._cancelHostTimer = hostTimer(this._timerCb, Math.ceil(timeout * 1000));
      return false;
    }
    this._dispatch();
    return true;
  }

  /** Second half of a turn: move due timers to the ready queue, run what is ready. @internal */
  _dispatch(): void {
    // Timers due before now + clock resolution join the ready queue, in heap order.
    // (The clock is read only when a timer waits: most turns of a busy loop have none.)
    const timers = this._timers;
    const ready = this._ready;
    if (timers.size > 0) {
      const endTime = this.time() + CLOCK_RESOLUTION;
      const firstMoved = ready.size;
      while (timers.size > 0) {
        if (timers.peekWhen() >= endTime) break;
        ready.push(timers.pop());
      }
      // They have left the timer heap. Marked in a pass of its own, not as each is popped:
      // the heap pops its timers from all over memory, so the first touch of each is a
      // cache miss, and a tight loop lets the CPU wait for many of those at once (no
      // callback runs in between, so nothing can tell the difference).
      for (let i = firstMoved; i < ready.size; i++) (ready.at(i) as TimerHandle)._scheduled = false;
    }
    if (this._observer !== null) _emitIterationEvent(this);

    // Run exactly the handles that were ready when the turn began; callbacks they
    // queue wait for the next turn.
    for (let ntodo = ready.size; ntodo > 0; ntodo--) {
      const handle = ready.shift();
      if (handle._cancelled) continue;
      if (this._observer !== null) {
        handle._ran = true; // a later cancel() changes nothing: not reported
        this._emitHandle("run", handle);
      }
      handle._run();
    }
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
