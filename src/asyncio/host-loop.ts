/**
 * Running a loop on a host that must not block (a browser tab, a worker, Node): the
 * run machinery of CPython's `base_events.py` (`run_forever`, `run_until_complete`,
 * `stop`, the shutdown coroutines), rebuilt around the host's own event loop.
 *
 * CPython's `run_forever` is a `while` loop around `_run_once`. Here the loop runs in
 * slices: `_pump` runs turns until the loop stops, until the real clock has to wait
 * (then a host timer or a wake-up calls `_pump` again), or until it has run for 10 ms
 * (then it yields to the host and carries on in a later host task). A turn is never cut
 * in two by a yield, so what runs in a turn is exactly what CPython runs.
 *
 * `EventLoop` (base-events.ts) extends `HostLoop`, which extends `ErrorHandlingLoop`
 * (exception-handler.ts): this file is the part of the loop that talks to the host,
 * base-events.ts the part that schedules and runs callbacks.
 */
import type { EventLoop } from "./base-events";
import {
  HOST_CHECK_INTERVAL_MS, HOST_YIELD_INTERVAL_MS, hostNowMs, nextTurnsPerCheck, yieldToHost,
} from "./clock";
import { _repr, type Awaitable, type Coroutine } from "./coroutines";
import { ErrorHandlingLoop } from "./exception-handler";
import { RuntimeError } from "./exceptions";
import { Future, isFuture } from "./futures";
import { _getRunningLoop, _setRunningLoop } from "./loops";
import { _gatherSettled } from "./gather-settled";
import { ensureFuture } from "./tasks";

/**
 * What `shutdownAsyncgens()` closes: an async generator that has started.
 * Python: the async generator objects in `loop._asyncgens`
 */
export interface ClosableAsyncGen {
  aclose(): Coroutine<unknown>;
}

function _runUntilCompleteCb(fut: Future): void {
  fut.getLoop().stop();
}

/**
 * The host side of an event loop: how it runs, stops and shuts down. Not used on its
 * own: `EventLoop` supplies the turn (`_runOnce`, `_dispatch`).
 * Invariants: `_running` is true from `runForever()` until its Promise settles (also
 * while the loop has yielded to the host or waits on it); while `_waiting`, a host
 * timer (`_cancelHostTimer`) or a wake-up will call `_pump` again.
 * @example
 * const loop = asyncio.newEventLoop();
 * loop.callSoon(() => loop.stop());
 * await loop.runForever();
 * Python: asyncio.BaseEventLoop (run_forever, run_until_complete, stop)
 */
export abstract class HostLoop extends ErrorHandlingLoop {
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
  /** @internal */ readonly _pumpCb = (): void => this._pump();
  /** @internal */ readonly _timerCb = (): void => this._onHostTimer();

  /** One turn; false when the real clock must first wait on the host. @internal */
  abstract _runOnce(): boolean;
  /** The rest of a turn after such a wait. @internal */
  abstract _dispatch(): void;
  /** @internal */
  abstract _checkClosed(): void;

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
    _setRunningLoop(this as unknown as EventLoop); // a HostLoop is always an EventLoop
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
    const fut = ensureFuture(future, this as unknown as EventLoop);
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
  *shutdownAsyncgens(): Coroutine<void> {
    if (this._asyncgens.size === 0) return;
    const agens = [...this._asyncgens];
    this._asyncgens.clear();
    const loop = this as unknown as EventLoop;
    const tasks = agens.map((agen) => ensureFuture(agen.aclose(), loop));
    const results = yield* _gatherSettled(loop, tasks);
    for (let i = 0; i < agens.length; i++) {
      const result = results[i];
      // CPython reports an Exception, not a CancelledError (a BaseException there).
      if (result instanceof Error && !tasks[i].cancelled()) {
        this.callExceptionHandler({
          message: `an error occurred during closing of asynchronous generator ${_repr(agens[i])}`,
          exception: result,
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
   *
   * The budget: control goes back to the host (setImmediate / a message) once 10 ms
   * have run. The host clock is read every `_turnsPerCheck` turns, a count tuned by
   * `nextTurnsPerCheck` so that, at a steady pace, reads come less than
   * HOST_CHECK_INTERVAL_MS apart; the budget ends that much early, so the read that
   * yields comes within 10 ms. When turns suddenly get slower, the yield can come up to
   * MAX_TURNS_PER_CHECK turns late (and, as ever, no turn is cut short).
   */
  _pump(): void {
    let lastCheck = hostNowMs();
    const budgetEnd = lastCheck + HOST_YIELD_INTERVAL_MS - HOST_CHECK_INTERVAL_MS;
    let turnsLeft = this._turnsPerCheck;
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
        if (--turnsLeft === 0) {
          // Tune the count first: the next slice after a yield starts with it too.
          const now = hostNowMs();
          this._turnsPerCheck = turnsLeft = nextTurnsPerCheck(this._turnsPerCheck, now - lastCheck);
          lastCheck = now;
          if (now >= budgetEnd) {
            // Let the host run its timers, messages and rendering between two turns.
            this._hostYields++;
            yieldToHost(this._pumpCb);
            return;
          }
        }
      }
    } catch (err) {
      this._finishRun(err);
      return;
    }
    this._finishRun(undefined);
  }

  /** The run is over (stopped, or a turn threw): settle runForever()'s Promise. @internal */
  _finishRun(err: unknown): void {
    this._stopping = false;
    this._running = false;
    this._midTurn = false;
    this._waiting = false;
    _setRunningLoop(null);
    const settle = this._settle;
    this._settle = null;
    if (settle !== null) settle(err);
  }

  /** Something was scheduled while the real clock waits: finish the turn soon. @internal */
  _wakeUp(): void {
    this._waiting = false;
    if (this._cancelHostTimer !== null) {
      this._cancelHostTimer();
      this._cancelHostTimer = null;
    }
    yieldToHost(this._pumpCb);
  }

  /** The host timer set for the next deadline fired. @internal */
  _onHostTimer(): void {
    this._cancelHostTimer = null;
    if (!this._waiting) return;
    this._waiting = false;
    this._pump();
  }
}
