/**
 * The event loop: a ready queue of handles, a timer heap, and `_runOnce`, one turn of
 * the loop, written after CPython's `base_events.py`.
 *
 * The calls that run the loop return Promises (a browser tab must not block). They
 * throw at once, not as a rejection, when the loop is closed or already running, or
 * when another loop runs. Between turns the loop hands control back to the host at
 * least every 10 ms, never in the middle of a turn.
 */
import {
  CLOCK_RESOLUTION, HOST_YIELD_INTERVAL_MS, MAXIMUM_SELECT_TIMEOUT,
  hostNowMs, hostTimer, realTime, yieldToHost, type ClockKind,
} from "./clock";
import { _repr, type Awaitable, type Coroutine } from "./coroutines";
import { Handle, ONE_ARG, TimerHandle, type Callback } from "./events";
import { RuntimeError } from "./exceptions";
import { ReadyQueue } from "./ready-queue";
import { Future, isFuture } from "./futures";
import { heapify, heappop, heappush } from "./heap";
import { _getRunningLoop, _setLoopFactory, _setRunningLoop } from "./loops";
import type { HandleInfo, LoopEvent, LoopObserver, TimerInfo } from "./observer";
import { Task, ensureFuture, type TaskOptions } from "./tasks";
import { _checkCallback, _defaultExceptionHandler, type ExceptionContext, type ExceptionHandler } from "./exception-handler";

export type { ExceptionContext, ExceptionHandler };

/** CPython: drop cancelled timers in one sweep when more than half of over 100 are cancelled. */
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;

type EventBody = LoopEvent extends infer E ? E extends LoopEvent ? Omit<E, "time" | "iteration"> : never : never;

function _runUntilCompleteCb(fut: Future): void {
  fut.getLoop().stop();
}

/**
 * An event loop. Create one with `newEventLoop()`, or let `run()` do it.
 * Invariants: `_ready` is the ready queue, in order; `_scheduled` is a
 * heap of timers by deadline (possibly holding cancelled ones, counted in
 * `_timerCancelledCount`); a handle runs only from `_runOnce`.
 * @example
 * const loop = asyncio.newEventLoop();
 * loop.callLater(1, () => { console.log("one second"); loop.stop(); });
 * await loop.runForever();
 * loop.close();
 * Python: asyncio.BaseEventLoop
 */
export class EventLoop {
  /** @internal */ _ready = new ReadyQueue();
  /** @internal */ _scheduled: TimerHandle[] = [];
  /** @internal */ _timerCancelledCount = 0;
  /** @internal */ _stopping = false;
  /** @internal */ _closed = false;
  /** @internal */ _running = false;
  /** @internal */ readonly _virtual: boolean;
  /** Virtual clock time. @internal */ _vtime = 0;
  /** @internal */ _observer: LoopObserver | null;
  /** Loop turns run so far (observer events carry it). @internal */ _iteration = 0;
  /** @internal */ _handleIds = 0;
  /** Ids of futures and tasks (one counter). @internal */ _futureIds = 0;
  /** @internal */ _exceptionHandler: ExceptionHandler | null = null;
  /** @internal */ _currentTask: Task | null = null;
  /** Tasks not done yet (what allTasks() reads). @internal */ _tasks = new Set<Task>();
  /** Futures whose exception nobody retrieved yet (reported at close). @internal */
  _unretrieved = new Set<Future>();
  /** Async generators to close at shutdown (`shutdownAsyncgens`). @internal */
  _asyncgens = new Set<{ aclose(): Coroutine<unknown> }>();
  /** How many times the loop handed control back to the host mid-run. */
  _hostYields = 0;
  /** The real clock waits on the host for a wake-up or a timer. @internal */ _waiting = false;
  /** A wait ended: finish the turn that began before it. @internal */ _midTurn = false;
  private _cancelHostTimer: (() => void) | null = null;
  private _settle: ((err: unknown) => void) | null = null;
  private readonly _pumpCb = (): void => this._pump();
  private readonly _timerCb = (): void => this._onHostTimer();

  /** @internal Use `newEventLoop()`. */
  constructor(options: { clock: ClockKind; observer: LoopObserver | null }) {
    this._virtual = options.clock === "virtual";
    this._observer = options.observer;
  }

  /** CPython's repr. */
  toString(): string {
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
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle {
    this._checkClosed();
    _checkCallback(callback, "callSoon");
    return this._callSoon(callback as Callback, args);
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
  callLater<A extends unknown[]>(delay: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (delay === null || delay === undefined) throw new TypeError("delay must not be None");
    if (typeof delay !== "number") throw new TypeError(`delay must be a number, not ${_repr(delay)}`);
    return this._callAt(this.time() + delay, callback, args); // CPython names call_at() in errors here too
  }

  /**
   * Run `callback(...args)` when `loop.time()` reaches `when`; returns a TimerHandle.
   * @example
   * loop.callAt(loop.time() + 2, () => console.log("two seconds"));
   * Python: loop.call_at(when, callback, *args)
   */
  callAt<A extends unknown[]>(when: number, callback: (...args: A) => unknown, ...args: A): TimerHandle {
    if (when === null || when === undefined) throw new TypeError("when cannot be None");
    if (typeof when !== "number") throw new TypeError(`when must be a number, not ${_repr(when)}`);
    return this._callAt(when, callback, args);
  }

  /** Push a timer onto the heap (callLater and callAt share it, without re-spreading args). */
  private _callAt(when: number, callback: unknown, args: readonly unknown[]): TimerHandle {
    this._checkClosed();
    _checkCallback(callback, "callAt");
    const timer = new TimerHandle(when, callback as Callback, args, this);
    heappush(this._scheduled, timer);
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
   * Run turns until `stop()` is called. Throws (synchronously) if the loop is closed or
   * running, or another loop runs; the Promise rejects if the virtual clock deadlocks.
   * @example
   * loop.callLater(1, () => loop.stop());
   * await loop.runForever();
   * Python: loop.run_forever()
   */
  runForever(): Promise<void> {
    this._checkClosed();
    this._checkRunning();
    this._running = true;
    _setRunningLoop(this);
    return new Promise<void>((resolve, reject) => {
      this._settle = (err) => (err === undefined ? resolve() : reject(err));
      this._pump();
    });
  }

  /**
   * Run until `future` (a coroutine is wrapped in a task) is done; resolves to its
   * result or rejects with its error. Throws synchronously like `runForever()`.
   * @example
   * const value = await loop.runUntilComplete(main());
   * Python: loop.run_until_complete(future)
   */
  runUntilComplete<T>(future: Future<T> | Coroutine<T> | Awaitable<T>): Promise<T> {
    this._checkClosed();
    this._checkRunning();
    const newTask = !isFuture(future);
    const fut = ensureFuture(future, this);
    fut.addDoneCallback(_runUntilCompleteCb);
    const running = this.runForever();
    return running.then(
      () => {
        fut.removeDoneCallback(_runUntilCompleteCb);
        if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
        return fut.result();
      },
      (err: unknown) => {
        // The loop itself failed: consume the task's error so it is not reported too.
        if (newTask && fut.done() && !fut.cancelled()) fut.exception();
        fut.removeDoneCallback(_runUntilCompleteCb);
        throw err;
      },
    );
  }

  /**
   * Stop after the current turn (every callback already queued for it still runs).
   * @example
   * loop.callSoon(() => loop.stop());
   * Python: loop.stop()
   */
  stop(): void {
    this._stopping = true;
    if (this._waiting) this._wakeUp();
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
    this._closed = true;
    this._ready.clear();
    this._scheduled.length = 0;
  }

  /**
   * True while the loop runs (also while it has handed control back to the host).
   * @example
   * loop.isRunning(); // false
   * Python: loop.is_running()
   */
  isRunning(): boolean {
    return this._running;
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

  /**
   * Close every async generator the loop knows of (run() calls this at shutdown).
   * @example
   * await loop.runUntilComplete(loop.shutdownAsyncgens());
   * Python: loop.shutdown_asyncgens()
   */
  *shutdownAsyncgens(): Coroutine<void> {
    if (this._asyncgens.size === 0) return;
    const agens = [...this._asyncgens];
    this._asyncgens.clear();
    const tasks = agens.map((agen) => ensureFuture(agen.aclose(), this));
    for (let i = 0; i < tasks.length; i++) {
      try {
        yield* tasks[i];
      } catch (exc) {
        this.callExceptionHandler({
          message: `an error occurred during closing of asynchronous generator ${_repr(agens[i])}`,
          exception: exc,
          asyncgen: agens[i],
        });
      }
    }
  }

  /**
   * Nothing to do (there is no thread-pool executor here), but `run()` awaits it as
   * CPython does, so task numbering and turn counts match.
   * @example
   * await loop.runUntilComplete(loop.shutdownDefaultExecutor());
   * Python: loop.shutdown_default_executor()
   */
  *shutdownDefaultExecutor(): Coroutine<void> {
    // CPython returns at once when no default executor was ever created.
  }

  /**
   * Set the handler called as `handler(loop, context)` for errors nobody else catches;
   * null restores the default. Throws TypeError for a non-function.
   * @example
   * loop.setExceptionHandler((loop, ctx) => console.log("caught:", ctx.message));
   * Python: loop.set_exception_handler(handler)
   */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`A callable object or None is expected, got ${_repr(handler)}`);
    }
    this._exceptionHandler = handler;
  }

  /**
   * The handler set with `setExceptionHandler()`, or null for the default.
   * @example
   * loop.getExceptionHandler(); // null
   * Python: loop.get_exception_handler()
   */
  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * The default handler: writes the message, the context and the error to console.error.
   * @example
   * loop.setExceptionHandler((loop, ctx) => loop.defaultExceptionHandler(ctx));
   * Python: loop.default_exception_handler(context)
   */
  defaultExceptionHandler(context: ExceptionContext): void {
    _defaultExceptionHandler(context);
  }

  /**
   * Pass `context` to the exception handler; an error the handler throws goes to the
   * default handler ("Unhandled error in exception handler").
   * @example
   * loop.callExceptionHandler({ message: "something odd", exception: err });
   * Python: loop.call_exception_handler(context)
   */
  callExceptionHandler(context: ExceptionContext): void {
    const handler = this._exceptionHandler;
    if (handler === null) {
      try {
        this.defaultExceptionHandler(context);
      } catch (exc) {
        console.error("Exception in default exception handler", exc);
      }
      return;
    }
    try {
      handler(this, context);
    } catch (exc) {
      try {
        this.defaultExceptionHandler({ message: "Unhandled error in exception handler", exception: exc, context });
      } catch (exc2) {
        console.error("Exception in default exception handler while handling an unexpected error in custom exception handler", exc2);
      }
    }
  }

  /** @internal */
  _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }

  /** @internal */
  _checkRunning(): void {
    if (this._running) throw new RuntimeError("This event loop is already running");
    if (_getRunningLoop() !== null) {
      throw new RuntimeError("Cannot run the event loop while another loop is running");
    }
  }

  /**
   * Run turns until stop(), a wait on the host (real clock), or the host-yield budget
   * runs out. Re-entered from host callbacks. @internal
   */
  _pump(): void {
    const budgetEnd = hostNowMs() + HOST_YIELD_INTERVAL_MS;
    try {
      for (;;) {
        if (this._midTurn) {
          this._midTurn = false;
          this._dispatch();
        } else if (!this._runOnce()) {
          this._midTurn = true;
          return; // waiting on the host; a timer or a wake-up calls _pump again
        }
        if (this._stopping) break;
        if (hostNowMs() >= budgetEnd) {
          // Let the host run its timers, messages and rendering between two turns.
          this._hostYields++;
          yieldToHost(this._pumpCb);
          return;
        }
      }
    } catch (err) {
      this._finishRun(err);
      return;
    }
    this._finishRun(undefined);
  }

  private _finishRun(err: unknown): void {
    this._stopping = false;
    this._running = false;
    this._midTurn = false;
    this._waiting = false;
    _setRunningLoop(null);
    const settle = this._settle;
    this._settle = null;
    if (settle !== null) settle(err);
  }

  /**
   * One full turn of the loop. Returns false when the real clock must wait on the host
   * first (then `_dispatch` finishes the turn). @internal
   * Python: BaseEventLoop._run_once()
   */
  _runOnce(): boolean {
    this._iteration++;
    // Drop cancelled timers: in one sweep when they are too many, else from the top.
    let sched = this._scheduled;
    if (sched.length > MIN_SCHEDULED_TIMER_HANDLES &&
        this._timerCancelledCount / sched.length > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
      const kept: TimerHandle[] = [];
      for (const handle of sched) {
        if (handle._cancelled) handle._scheduled = false;
        else kept.push(handle);
      }
      heapify(kept);
      this._scheduled = sched = kept;
      this._timerCancelledCount = 0;
    } else {
      while (sched.length > 0 && sched[0]._cancelled) {
        this._timerCancelledCount--;
        heappop(sched)._scheduled = false;
      }
    }

    // Compute how long to wait: not at all if something is ready or we are stopping,
    // until the next deadline (at most a day) if a timer waits, else forever (null).
    let timeout: number | null = null;
    if (this._ready.size > 0 || this._stopping) {
      timeout = 0;
    } else if (sched.length > 0) {
      timeout = Math.min(Math.max(0, sched[0]._when - this.time()), MAXIMUM_SELECT_TIMEOUT);
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
    const sched = this._scheduled;
    const ready = this._ready;
    const endTime = this.time() + CLOCK_RESOLUTION;
    while (sched.length > 0) {
      if (sched[0]._when >= endTime) break;
      const handle = heappop(sched);
      handle._scheduled = false;
      ready.push(handle);
    }
    if (this._observer !== null) this._emitIteration();

    // Run exactly the handles that were ready when the turn began; callbacks they
    // queue wait for the next turn.
    for (let ntodo = ready.size; ntodo > 0; ntodo--) {
      const handle = ready.shift();
      if (handle._cancelled) continue;
      if (this._observer !== null) this._emitHandle("run", handle);
      handle._run();
    }
  }

  /** Host code scheduled something while the real clock waits: finish the turn soon. */
  private _wakeUp(): void {
    this._waiting = false;
    if (this._cancelHostTimer !== null) {
      this._cancelHostTimer();
      this._cancelHostTimer = null;
    }
    yieldToHost(this._pumpCb);
  }

  private _onHostTimer(): void {
    this._cancelHostTimer = null;
    if (!this._waiting) return;
    this._waiting = false;
    this._pump();
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
    const info = handle._info();
    if (handle instanceof TimerHandle && type !== "run") {
      this._emit({ type, ...info, when: handle._when });
    } else {
      this._emit({ type, ...info });
    }
  }

  private _emitIteration(): void {
    const ready: HandleInfo[] = [];
    for (let i = 0; i < this._ready.size; i++) {
      const h = this._ready.at(i);
      if (!h._cancelled) ready.push(h._info());
    }
    const heap = this._scheduled.slice();
    const timers: TimerInfo[] = [];
    while (heap.length > 0) {
      const t = heappop(heap);
      if (!t._cancelled) timers.push({ ...t._info(), when: t._when });
    }
    this._emit({ type: "iteration", ready, timers });
  }
}
Object.defineProperty(EventLoop, "name", { value: "EventLoop" });

_setLoopFactory((options) => new EventLoop(options));
