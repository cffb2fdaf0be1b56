/**
 * The event loop, written after CPython's `base_events.py`: one class that owns the
 * ready queue of handles, the timer heap and the run state, with the methods that
 * schedule callbacks. Two parts of it are free functions over the loop, each in its
 * own file: one turn (`_runOnce`, run-once.ts) and running on the host
 * (`runForever`, `stop`, the host-yield budget; host-loop.ts).
 *
 * The calls that run the loop return Promises (a browser tab must not block). They
 * throw at once, not as a rejection, when the loop is closed or already running, or
 * when another loop runs. Between turns the loop hands control back to the host at
 * least every 10 ms, never in the middle of a turn.
 */
import { realTime, type ClockKind } from "./clock";
import { _repr, type Awaitable, type Coroutine } from "./coroutines";
import { NO_ARGS, _packArgs } from "./call-args";
import { Handle, TimerHandle, type Callback } from "./events";
import { RuntimeError } from "./exceptions";
import {
  _callExceptionHandler, _checkCallback, _defaultExceptionHandler, type ExceptionContext, type ExceptionHandler,
} from "./exception-handler";
import { Future } from "./futures";
import { TimerHeap } from "./heap";
import {
  _onHostTimer, _pump, _runForever, _runUntilComplete, _shutdownAsyncgens, _wakeUp, type ClosableAsyncGen,
} from "./host-loop";
import { _setLoopFactory } from "./loops";
import { _emitCloseEvent, _emitHandleEvent, type EventBody, type LoopEvent, type LoopObserver } from "./observer";
import { ReadyQueue } from "./ready-queue";
import { Task, type TaskOptions } from "./tasks";

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
export class EventLoop {
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
  /** null: the default handler. @internal */ _exceptionHandler: ExceptionHandler | null = null;
  // Running on the host (host-loop.ts). Invariants: `_running` is true from
  // `runForever()` until its Promise settles (also while the loop has yielded to the
  // host or waits on it); while `_waiting`, a host timer (`_cancelHostTimer`) or a
  // wake-up will call `_pump` again.
  /** @internal */ _stopping = false;
  /** @internal */ _running = false;
  /** How many times the loop handed control back to the host mid-run. */
  _hostYields = 0;
  /** Turns between two reads of the host clock (see `_pump`). @internal */ _turnsPerCheck = 1;
  /** The real clock waits on the host for a wake-up or a timer. @internal */ _waiting = false;
  /** A wait ended: finish the turn that began before it. @internal */ _midTurn = false;
  /** Async generators to close at shutdown, added on their first iteration. @internal */
  _asyncgens = new Set<ClosableAsyncGen>();
  /** @internal */ _cancelHostTimer: (() => void) | null = null;
  /** Settles the Promise `runForever()` returned. @internal */ _settle: ((err: unknown) => void) | null = null;
  /** @internal */ readonly _pumpCb = (): void => _pump(this);
  /** @internal */ readonly _timerCb = (): void => _onHostTimer(this);

  /** @internal Use `newEventLoop()`. */
  constructor(options: { clock: ClockKind; observer: LoopObserver | null }) {
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
  callSoon<A extends unknown[]>(callback: (...args: A) => unknown, ...args: A): Handle;
  callSoon(callback: Callback, arg?: unknown): Handle {
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
    if (delay === null || delay === undefined) throw new TypeError("delay must not be None");
    if (typeof delay !== "number") throw new TypeError(`delay must be a number, not ${_repr(delay)}`);
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
    this._timers.push(timer);
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
   * Run turns until `stop()` is called. Throws (synchronously) if the loop is closed or
   * running, or another loop runs; the Promise rejects if the virtual clock deadlocks.
   * @example
   * loop.callLater(1, () => loop.stop());
   * await loop.runForever();
   * Python: loop.run_forever()
   */
  runForever(): Promise<void> {
    return _runForever(this);
  }

  /**
   * Run until `future` (a coroutine is wrapped in a task) is done; resolves to its
   * result or rejects with its error. Throws synchronously like `runForever()`.
   * @example
   * const value = await loop.runUntilComplete(main());
   * Python: loop.run_until_complete(future)
   */
  runUntilComplete<T>(future: Future<T> | Coroutine<T> | Awaitable<T>): Promise<T> {
    return _runUntilComplete(this, future);
  }

  /**
   * Stop after the current turn (every callback already queued for it still runs).
   * @example
   * loop.callSoon(() => loop.stop());
   * Python: loop.stop()
   */
  stop(): void {
    this._stopping = true;
    if (this._waiting) _wakeUp(this);
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
   * Close every async generator that started iterating on this loop and is not
   * finished (`run()` calls this at shutdown): their `aclose()` run as tasks, gathered,
   * and an error one of them raises goes to the exception handler.
   * @example
   * await loop.runUntilComplete(loop.shutdownAsyncgens());
   * Python: loop.shutdown_asyncgens()
   */
  shutdownAsyncgens(): Coroutine<void> {
    return _shutdownAsyncgens(this);
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
   * default handler, and an error there is only logged.
   * @example
   * loop.callExceptionHandler({ message: "something odd", exception: err });
   * Python: loop.call_exception_handler(context)
   */
  callExceptionHandler(context: ExceptionContext): void {
    _callExceptionHandler(this, context);
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
