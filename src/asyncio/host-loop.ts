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
 * Free functions over one `EventLoop`: its base class `LoopRunner` (loop-running.ts)
 * keeps the state (`_running`, `_waiting`, ...) and its public methods (`runForever()`,
 * `stop()`, ...) call these. base-events.ts is the part that schedules callbacks; this
 * file the part that talks to the host.
 */
import type { EventLoop } from "./base-events";
import {
  HOST_CHECK_INTERVAL_MS, HOST_YIELD_INTERVAL_MS, hostNowMs, nextTurnsPerCheck, yieldToHost,
} from "./clock";
import { _repr, type Awaitable, type Coroutine } from "./coroutines";
import { RuntimeError } from "./exceptions";
import { type Future, isFuture } from "./futures";
import { _getRunningLoop, _setRunningLoop } from "./loops";
import { _gatherSettled } from "./gather-settled";
import { _dispatch, _runOnce } from "./run-once";
import { ensureFuture } from "./tasks";

/**
 * What `shutdownAsyncgens()` closes: an async generator that has started.
 * @example
 * for (const agen of loop._asyncgens) yield* agen.aclose();
 * Python: the async generator objects in `loop._asyncgens`
 */
export interface ClosableAsyncGen {
  aclose(): Coroutine<unknown>;
}

function _runUntilCompleteCb(fut: Future): void {
  fut.getLoop().stop();
}

/**
 * `loop.runForever()`: check, mark running, and start pumping turns.
 * @example
 * await _runForever(loop); // as loop.runForever()
 * @internal Python: BaseEventLoop.run_forever()
 */
export function _runForever(loop: EventLoop): Promise<void> {
  loop._checkClosed();
  _checkRunning(loop);
  loop._running = true;
  _setRunningLoop(loop);
  return new Promise<void>((resolve, reject) => {
    loop._settle = (err) => (err === undefined ? resolve() : reject(err));
    _pump(loop);
  });
}

/**
 * `loop.runUntilComplete(future)`: run until `future` is done, then its result.
 * @example
 * const value = await _runUntilComplete(loop, main());
 * @internal Python: BaseEventLoop.run_until_complete(future)
 */
export function _runUntilComplete<T>(loop: EventLoop, future: Future<T> | Coroutine<T> | Awaitable<T>): Promise<T> {
  loop._checkClosed();
  _checkRunning(loop);
  const newTask = !isFuture(future);
  const fut = ensureFuture(future, loop);
  fut.addDoneCallback(_runUntilCompleteCb);
  return _runForever(loop).then(
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
 * `loop.shutdownAsyncgens()`: close every started, unfinished async generator; their
 * `aclose()` run as tasks, gathered; an error goes to the exception handler.
 * @example
 * await loop.runUntilComplete(_shutdownAsyncgens(loop));
 * @internal Python: BaseEventLoop.shutdown_asyncgens()
 */
export function* _shutdownAsyncgens(loop: EventLoop): Coroutine<void> {
  if (loop._asyncgens.size === 0) return;
  const agens = [...loop._asyncgens];
  loop._asyncgens.clear();
  const tasks = agens.map((agen) => ensureFuture(agen.aclose(), loop));
  const results = yield* _gatherSettled(loop, tasks);
  for (let i = 0; i < agens.length; i++) {
    const result = results[i];
    // CPython reports an Exception, not a CancelledError (a BaseException there).
    if (result instanceof Error && !tasks[i].cancelled()) {
      loop.callExceptionHandler({
        message: `an error occurred during closing of asynchronous generator ${_repr(agens[i])}`,
        exception: result,
        asyncgen: agens[i],
      });
    }
  }
}

/** Throw unless the loop may start running now. @internal */
function _checkRunning(loop: EventLoop): void {
  if (loop._running) throw new RuntimeError("This event loop is already running");
  if (_getRunningLoop() !== null) {
    throw new RuntimeError("Cannot run the event loop while another loop is running");
  }
}

/**
 * Run turns until stop(), a wait on the host (real clock), or the host-yield budget
 * runs out. Re-entered from host callbacks (`loop._pumpCb`).
 *
 * The budget: control goes back to the host (setImmediate / a message) once 10 ms
 * have run. The host clock is read every `_turnsPerCheck` turns, a count tuned by
 * `nextTurnsPerCheck` so that, at a steady pace, reads come less than
 * HOST_CHECK_INTERVAL_MS apart; the budget ends that much early, so the read that
 * yields comes within 10 ms. When turns suddenly get slower, the yield can come up to
 * MAX_TURNS_PER_CHECK turns late (and, as ever, no turn is cut short).
 * @example
 * yieldToHost(loop._pumpCb); // () => _pump(loop)
 * @internal
 */
export function _pump(loop: EventLoop): void {
  let lastCheck = hostNowMs();
  const budgetEnd = lastCheck + HOST_YIELD_INTERVAL_MS - HOST_CHECK_INTERVAL_MS;
  let turnsLeft = loop._turnsPerCheck;
  try {
    for (;;) {
      if (loop._midTurn) {
        loop._midTurn = false;
        _dispatch(loop);
      } else if (!_runOnce(loop)) {
        loop._midTurn = true;
        return; // waiting on the host; a timer or a wake-up calls _pump again
      }
      if (loop._stopping) break;
      if (--turnsLeft === 0) {
        // Tune the count first: the next slice after a yield starts with it too.
        const now = hostNowMs();
        loop._turnsPerCheck = turnsLeft = nextTurnsPerCheck(loop._turnsPerCheck, now - lastCheck);
        lastCheck = now;
        if (now >= budgetEnd) {
          // Let the host run its timers, messages and rendering between two turns.
          loop._hostYields++;
          yieldToHost(loop._pumpCb);
          return;
        }
      }
    }
  } catch (err) {
    _finishRun(loop, err);
    return;
  }
  _finishRun(loop, undefined);
}

/** The run is over (stopped, or a turn threw): settle runForever()'s Promise. @internal */
function _finishRun(loop: EventLoop, err: unknown): void {
  loop._stopping = false;
  loop._running = false;
  loop._midTurn = false;
  loop._waiting = false;
  _setRunningLoop(null);
  const settle = loop._settle;
  loop._settle = null;
  if (settle !== null) settle(err);
}

/**
 * Something was scheduled (or stop() called) while the real clock waits: cancel the
 * host timer and finish the turn on the next host task.
 * @example
 * if (loop._waiting) _wakeUp(loop);
 * @internal
 */
export function _wakeUp(loop: EventLoop): void {
  loop._waiting = false;
  if (loop._cancelHostTimer !== null) {
    loop._cancelHostTimer();
    loop._cancelHostTimer = null;
  }
  yieldToHost(loop._pumpCb);
}

/**
 * The host timer set for the next deadline fired (`loop._timerCb`).
 * @example
 * hostTimer(loop._timerCb, ms); // () => _onHostTimer(loop)
 * @internal
 */
export function _onHostTimer(loop: EventLoop): void {
  loop._cancelHostTimer = null;
  if (!loop._waiting) return;
  loop._waiting = false;
  _pump(loop);
}
