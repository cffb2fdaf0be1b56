/**
 * `sleep(delay)`: a coroutine that finishes after `delay` seconds of loop time.
 */
import type { Coroutine } from "./coroutines";
import type { Future } from "./futures";
import { getRunningLoop } from "./loops";
import { _isPyNumber, _pyNumber } from "./py-compare";
import { _missingArguments } from "./arity";

const SUSPENDED: IteratorYieldResult<undefined> = Object.freeze({ value: undefined, done: false });

/**
 * `sleep(0)` as a hand-written coroutine: exactly what
 * `function* () { yield; return result; }` does (Python's `__sleep0`), without the
 * cost of a generator object, because `yield* asyncio.sleep(0)` is the loop's
 * hottest await. Its one bare yield gives the loop exactly one turn.
 */
class Sleep0<T> {
  /** 0: not started, 1: suspended at the bare yield, 2: finished. */
  private _state = 0;
  constructor(private readonly _result: T) {}

  next(): IteratorResult<undefined, T> {
    if (this._state === 0) {
      this._state = 1;
      return SUSPENDED; // the bare yield
    }
    this._state = 2;
    return { value: this._result, done: true };
  }

  throw(exc: unknown): never {
    this._state = 2; // an error thrown in at the yield ends the coroutine
    throw exc;
  }

  return(value: T): IteratorResult<undefined, T> {
    this._state = 2;
    return { value, done: true };
  }

  [Symbol.iterator](): this {
    return this;
  }
}
Object.defineProperty(Sleep0.prototype, Symbol.toStringTag, { value: "Generator" });

/** Set `fut`'s result unless it was cancelled (the sleep's timer callback). */
function _setResultUnlessCancelled<T>(fut: Future<T>, result: T): void {
  if (fut.cancelled()) return;
  fut.setResult(result);
}

function* sleepFor<T>(delay: number, result: T): Coroutine<T> {
  const loop = getRunningLoop();
  const future = loop.createFuture<T>();
  const h = loop.callLater(delay, _setResultUnlessCancelled, future, result);
  try {
    return yield* future;
  } finally {
    h.cancel();
  }
}

/** A sleep whose delay is no number: like CPython's, it fails at `delay <= 0` once awaited. */
function* badDelay<T>(delay: unknown): Coroutine<T> {
  return _pyNumber(delay, "<=", "int") as never; // always throws: delay is no number
}

/**
 * Suspend the calling coroutine for `delay` seconds, then return `result`.
 * `sleep(0)` (or less) is a bare yield: the task runs again on the next turn. Longer
 * sleeps wait on a future that a timer completes; the timer is cancelled when the
 * sleep ends early (for example, when the task is cancelled). Throws
 * RuntimeError("no running event loop") when first resumed outside a running loop.
 * @example
 * function* main() { yield* asyncio.sleep(1); console.log("one second later"); }
 * Python: asyncio.sleep(delay, result=None)
 */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  if (arguments.length < 1) throw _missingArguments("sleep", ["delay"]);
  if (!_isPyNumber(delay)) return badDelay(delay);
  if (delay <= 0) return new Sleep0(result as T) as unknown as Coroutine<T>;
  return sleepFor(delay, result as T);
}
