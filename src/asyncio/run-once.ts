/**
 * One turn of the event loop, as CPython's `BaseEventLoop._run_once`: drop cancelled
 * timers, work out how long to wait, wait (the virtual clock jumps; the real clock
 * hands the wait to the host), move the due timers from the timer heap to the ready
 * queue, and run exactly the handles that were ready when the turn began.
 *
 * Free functions over one `EventLoop` (base-events.ts), which keeps the ready queue and
 * the timer heap; `_pump` (host-loop.ts) calls them turn after turn.
 */
import type { EventLoop } from "./base-events";
import { CLOCK_RESOLUTION, MAXIMUM_SELECT_TIMEOUT, hostTimer } from "./clock";
import { _runCall, type Handle } from "./events";
import { RuntimeError } from "./exceptions";
import { _emitIterationEvent } from "./observer";

/** CPython: drop cancelled timers in one sweep when more than half of over 100 are cancelled. */
const MIN_SCHEDULED_TIMER_HANDLES = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION = 0.5;

/**
 * One full turn of the loop. Returns false when the real clock must wait on the host
 * first (then `_dispatch` finishes the turn).
 * @example
 * if (!_runOnce(loop)) loop._midTurn = true; // the host must wait; _dispatch finishes the turn
 * @internal Python: BaseEventLoop._run_once()
 */
export function _runOnce(loop: EventLoop): boolean {
  loop._iteration++;
  // Drop cancelled timers: in one sweep when they are too many, else from the top.
  const timers = loop._timers;
  if (timers.size > MIN_SCHEDULED_TIMER_HANDLES &&
      loop._timerCancelledCount / timers.size > MIN_CANCELLED_TIMER_HANDLES_FRACTION) {
    timers.filter(_notCancelled);
    loop._timerCancelledCount = 0;
  } else {
    while (timers.size > 0 && timers.peek()._cancelled) {
      loop._timerCancelledCount--;
      timers.pop();
    }
  }

  // Compute how long to wait: not at all if something is ready or we are stopping,
  // until the next deadline (at most a day) if a timer waits, else forever (null).
  let timeout: number | null = null;
  if (loop._ready.size > 0 || loop._stopping) {
    timeout = 0;
  } else if (timers.size > 0) {
    // Python's `min(max(0, when - now), MAX)`: max() keeps its first argument unless the
    // next is greater, so a NaN deadline (`callLater(NaN, …)`) waits 0, as in CPython;
    // Math.max would give NaN, and the loop would never see the timer come due.
    const wait = timers.peekWhen() - loop.time();
    timeout = wait > 0 ? (MAXIMUM_SELECT_TIMEOUT < wait ? MAXIMUM_SELECT_TIMEOUT : wait) : 0;
  }

  // Wait. The virtual clock jumps by exactly the timeout, as the Python harness's
  // selector does; the real clock waits on a host timer (or a wake-up).
  if (loop._virtual) {
    if (timeout === null) {
      throw new RuntimeError("virtual clock: deadlock (nothing ready and no timer scheduled)");
    }
    loop._vtime += timeout;
  } else if (timeout !== 0) {
    loop._waiting = true;
    if (timeout !== null) loop._cancelHostTimer = hostTimer(loop._timerCb, Math.ceil(timeout * 1000));
    return false;
  }
  _dispatch(loop);
  return true;
}

/** The sweep keeps these: CPython's `[h for h in self._scheduled if not h._cancelled]`. */
function _notCancelled(handle: Handle): boolean {
  return !handle._cancelled;
}

/**
 * Second half of a turn: move due timers to the ready queue, run what is ready.
 * @example
 * _dispatch(loop); // after the host timer fired: due timers move, ready ones run
 * @internal
 */
export function _dispatch(loop: EventLoop): void {
  // Timers due before now + clock resolution join the ready queue, in heap order.
  // (The clock is read only when a timer waits: most turns of a busy loop have none.)
  const timers = loop._timers;
  const ready = loop._ready;
  if (timers.size > 0) timers.popDue(loop.time() + CLOCK_RESOLUTION, ready);
  if (loop._observer !== null) _emitIterationEvent(loop);

  // Run exactly the entries that were ready when the turn began; callbacks they
  // queue wait for the next turn. An entry is a Handle, or a call the loop queued
  // for itself: a callback, then its one argument (see ready-queue.ts).
  for (let nslots = ready.size; nslots > 0; nslots--) {
    const item = ready.shift();
    if (typeof item === "function") {
      nslots--;
      _runCall(loop, item as (arg: unknown) => unknown, ready.shift());
      continue;
    }
    const handle = item as Handle;
    if (handle._cancelled) continue;
    if (loop._observer !== null) {
      handle._ran = true; // a later cancel() changes nothing: not reported
      loop._emitHandle("run", handle);
    }
    handle._run(loop);
  }
}
