/**
 * The errors the loop library raises, named as CPython's `asyncio.exceptions` (and the
 * built-ins asyncio code catches). Each class sets `name` on its prototype, so even a
 * minified bundle prints `CancelledError`, not `e`.
 *
 * Python's `TypeError` maps to JavaScript's own `TypeError`, which the library throws
 * with CPython's messages.
 */

function named<C extends { prototype: Error }>(cls: C, name: string): C {
  Object.defineProperty(cls.prototype, "name", {
    value: name, writable: true, enumerable: false, configurable: true,
  });
  return cls;
}

/**
 * The operation was cancelled. Thrown into a coroutine at its current `yield*` when its
 * task is cancelled. Like Python's `BaseException` subclass, library code never swallows
 * it where CPython would let it pass.
 * @example
 * try { yield* asyncio.sleep(10); } catch (e) { if (e instanceof asyncio.CancelledError) console.log("cancelled"); throw e; }
 * Python: asyncio.CancelledError
 */
export class CancelledError extends Error {}
named(CancelledError, "CancelledError");

/**
 * A Future or Task is in a state that does not allow the operation ("invalid state",
 * "Result is not set.").
 * @example
 * const fut = loop.createFuture(); try { fut.result(); } catch (e) { console.log(e.message); } // Result is not set.
 * Python: asyncio.InvalidStateError
 */
export class InvalidStateError extends Error {}
named(InvalidStateError, "InvalidStateError");

/**
 * The operation exceeded the given deadline (`waitFor`, `timeout`).
 * @example
 * try { yield* asyncio.waitFor(asyncio.sleep(10), 1); } catch (e) { if (e instanceof asyncio.TimeoutError) console.log("too slow"); }
 * Python: TimeoutError (asyncio.TimeoutError is an alias since 3.11)
 */
export class TimeoutError extends Error {}
named(TimeoutError, "TimeoutError");

/**
 * An error that fits no other category: "Event loop is closed", "no running event loop".
 * @example
 * try { asyncio.getRunningLoop(); } catch (e) { console.log(e instanceof asyncio.RuntimeError); } // true
 * Python: RuntimeError
 */
export class RuntimeError extends Error {}
named(RuntimeError, "RuntimeError");

/**
 * A `Barrier` was aborted, or reset while tasks waited at it: what `wait()` raises then.
 * @example
 * try { yield* barrier.wait(); } catch (e) { if (e instanceof asyncio.BrokenBarrierError) console.log("gave up"); }
 * Python: asyncio.BrokenBarrierError (a RuntimeError)
 */
export class BrokenBarrierError extends RuntimeError {}
named(BrokenBarrierError, "BrokenBarrierError");

/**
 * An argument has the right type but a wrong value.
 * @example
 * throw new asyncio.ValueError("a coroutine was expected");
 * Python: ValueError
 */
export class ValueError extends Error {}
named(ValueError, "ValueError");

/**
 * An object lacks the attribute (here: the method) asyncio code reached for, as when
 * `wait()` is given something that is not a future.
 * @example
 * try { yield* asyncio.wait([42 as never]); } catch (e) { console.log(String(e)); } // AttributeError: 'int' object has no attribute 'addDoneCallback'
 * Python: AttributeError
 */
export class AttributeError extends Error {}
named(AttributeError, "AttributeError");

/**
 * Thrown by an async iterator's `anext()` when it has no more items.
 * @example
 * throw new asyncio.StopAsyncIteration();
 * Python: StopAsyncIteration
 */
export class StopAsyncIteration extends Error {}
named(StopAsyncIteration, "StopAsyncIteration");

/**
 * `getNowait()` on an empty queue.
 * @example
 * try { queue.getNowait(); } catch (e) { if (e instanceof asyncio.QueueEmpty) console.log("empty"); }
 * Python: asyncio.QueueEmpty
 */
export class QueueEmpty extends Error {}
named(QueueEmpty, "QueueEmpty");

/**
 * `putNowait()` on a full queue.
 * @example
 * try { queue.putNowait(1); } catch (e) { if (e instanceof asyncio.QueueFull) console.log("full"); }
 * Python: asyncio.QueueFull
 */
export class QueueFull extends Error {}
named(QueueFull, "QueueFull");

/**
 * A class of errors, or a test on one error: what `subgroup()` and `split()` accept.
 * @example
 * const [values, rest] = group.split(asyncio.ValueError);
 * const big = group.subgroup((e) => e instanceof Error && e.message.length > 10);
 */
export type ExceptionMatcher =
  | (abstract new (...args: never[]) => unknown)
  | ((exc: unknown) => boolean);

function matches(matcher: ExceptionMatcher, exc: unknown): boolean {
  if (matcher.prototype !== undefined && (matcher.prototype instanceof Error || matcher === Error)) {
    return exc instanceof (matcher as abstract new (...args: never[]) => unknown);
  }
  return (matcher as (exc: unknown) => boolean)(exc);
}

/**
 * CancelledError plays the part of Python's BaseException-only errors here.
 * @example
 * _isBaseExceptionOnly(new CancelledError()); // true
 * _isBaseExceptionOnly(new ValueError("x")); // false
 * @internal
 */
export function _isBaseExceptionOnly(exc: unknown): boolean {
  return exc instanceof CancelledError;
}

/**
 * Several errors raised together (for example by a `TaskGroup`). `message` reads as
 * Python's `str(eg)`: "msg (2 sub-exceptions)"; the bare message is `groupMessage`.
 * @example
 * const eg = new asyncio.BaseExceptionGroup("two", [new asyncio.CancelledError()]);
 * console.log(eg.exceptions.length); // 1
 * Python: BaseExceptionGroup
 */
export class BaseExceptionGroup extends Error {
  readonly groupMessage: string;
  readonly exceptions: readonly unknown[];

  constructor(message: string, exceptions: readonly unknown[]) {
    if (!Array.isArray(exceptions) || exceptions.length === 0) {
      throw new ValueError("second argument (exceptions) must be a non-empty sequence");
    }
    const n = exceptions.length;
    super(`${message} (${n} sub-exception${n === 1 ? "" : "s"})`);
    this.groupMessage = message;
    this.exceptions = Object.freeze([...exceptions]);
  }

  /**
   * A group of the same kind holding other errors, keeping this group's message.
   * @example
   * eg.derive([new Error("x")]);
   * Python: BaseExceptionGroup.derive(excs)
   */
  derive(exceptions: readonly unknown[]): BaseExceptionGroup {
    return exceptions.every((e) => !_isBaseExceptionOnly(e))
      ? new ExceptionGroup(this.groupMessage, exceptions)
      : new BaseExceptionGroup(this.groupMessage, exceptions);
  }

  /**
   * The errors that match (searching nested groups), as a group, or null if none.
   * @example
   * eg.subgroup(asyncio.ValueError);
   * Python: BaseExceptionGroup.subgroup(condition)
   */
  subgroup(matcher: ExceptionMatcher): BaseExceptionGroup | null {
    return this.split(matcher)[0];
  }

  /**
   * `[matching, rest]`: two groups (or nulls) that together hold every error.
   * @example
   * const [values, others] = eg.split(asyncio.ValueError);
   * Python: BaseExceptionGroup.split(condition)
   */
  split(matcher: ExceptionMatcher): [BaseExceptionGroup | null, BaseExceptionGroup | null] {
    if (matches(matcher, this)) return [this, null];
    const yes: unknown[] = [];
    const no: unknown[] = [];
    for (const exc of this.exceptions) {
      if (exc instanceof BaseExceptionGroup) {
        const [a, b] = exc.split(matcher);
        if (a !== null) yes.push(a);
        if (b !== null) no.push(b);
      } else if (matches(matcher, exc)) {
        yes.push(exc);
      } else {
        no.push(exc);
      }
    }
    return [yes.length ? this.derive(yes) : null, no.length ? this.derive(no) : null];
  }
}
named(BaseExceptionGroup, "BaseExceptionGroup");

/**
 * A group of ordinary errors (no `CancelledError` inside).
 * Throws TypeError when given a CancelledError, as Python does for BaseExceptions.
 * @example
 * throw new asyncio.ExceptionGroup("unhandled errors in a TaskGroup", [new asyncio.ValueError("x")]);
 * Python: ExceptionGroup
 */
export class ExceptionGroup extends BaseExceptionGroup {
  constructor(message: string, exceptions: readonly unknown[]) {
    if (Array.isArray(exceptions) && exceptions.some(_isBaseExceptionOnly)) {
      throw new TypeError("Cannot nest BaseExceptions in an ExceptionGroup");
    }
    super(message, exceptions);
  }
}
named(ExceptionGroup, "ExceptionGroup");
