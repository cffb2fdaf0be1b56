/**
 * The part of the event loop that runs it: the run state and the public methods
 * `runForever()`, `runUntilComplete()`, `stop()`, `isRunning()` and the two shutdown
 * coroutines, as a base class of `EventLoop` (base-events.ts, which schedules). The
 * machinery behind them, turn after turn on a host that must not block, is free
 * functions in host-loop.ts.
 *
 * The calls that run the loop return Promises (a browser tab must not block). They
 * throw at once, not as a rejection, when the loop is closed or already running, or
 * when another loop runs. Between turns the loop hands control back to the host at
 * least every 10 ms, never in the middle of a turn.
 */
import type { EventLoop } from "./base-events";
import type { Awaitable, Coroutine } from "./coroutines";
import { LoopExceptionHandler } from "./exception-handler";
import type { Future } from "./futures";
import {
  _onHostTimer, _pump, _runForever, _runUntilComplete, _shutdownAsyncgens, _wakeUp, type ClosableAsyncGen,
} from "./host-loop";
import { _missingArguments } from "./arity";

/**
 * The running methods of an event loop (the base class of `EventLoop`: always use them
 * on a loop from `newEventLoop()`).
 * Invariants: `_running` is true from `runForever()` until its Promise settles (also
 * while the loop has yielded to the host or waits on it); while `_waiting`, a host
 * timer (`_cancelHostTimer`) or a wake-up will call `_pump` again.
 * @example
 * loop.callLater(1, () => loop.stop());
 * await loop.runForever();
 * Python: the running methods of asyncio.BaseEventLoop
 */
export abstract class LoopRunner extends LoopExceptionHandler {
  /** @internal */ _stopping = false;
  /** @internal */ _running = false;
  /** How many times the loop handed control back to the host mid-run (the bench reads it). @internal */
  _hostYields = 0;
  /** Turns between two reads of the host clock (see `_pump`). @internal */ _turnsPerCheck = 1;
  /** The real clock waits on the host for a wake-up or a timer. @internal */ _waiting = false;
  /** A wait ended: finish the turn that began before it. @internal */ _midTurn = false;
  /** Async generators to close at shutdown, added on their first iteration. @internal */
  _asyncgens = new Set<ClosableAsyncGen>();
  /** @internal */ _cancelHostTimer: (() => void) | null = null;
  /** Settles the Promise `runForever()` returned. @internal */ _settle: ((err: unknown) => void) | null = null;
  /** @internal */ readonly _pumpCb = (): void => _pump(this as unknown as EventLoop);
  /** @internal */ readonly _timerCb = (): void => _onHostTimer(this as unknown as EventLoop);

  /**
   * Run turns until `stop()` is called. Throws (synchronously) if the loop is closed or
   * running, or another loop runs; the Promise rejects if the virtual clock deadlocks.
   * @example
   * loop.callLater(1, () => loop.stop());
   * await loop.runForever();
   * Python: loop.run_forever()
   */
  runForever(): Promise<void> {
    return _runForever(this as unknown as EventLoop);
  }

  /**
   * Run until `future` (a coroutine is wrapped in a task) is done; resolves to its
   * result or rejects with its error. Throws synchronously like `runForever()`.
   * @example
   * const value = await loop.runUntilComplete(main());
   * Python: loop.run_until_complete(future)
   */
  runUntilComplete<T>(future: Future<T> | Coroutine<T> | Awaitable<T>): Promise<T> {
    if (arguments.length < 1) throw _missingArguments("BaseEventLoop.runUntilComplete", ["future"]);
    return _runUntilComplete(this as unknown as EventLoop, future);
  }

  /**
   * Stop after the current turn (every callback already queued for it still runs).
   * @example
   * loop.callSoon(() => loop.stop());
   * Python: loop.stop()
   */
  stop(): void {
    this._stopping = true;
    if (this._waiting) _wakeUp(this as unknown as EventLoop);
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
    return _shutdownAsyncgens(this as unknown as EventLoop);
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
}
