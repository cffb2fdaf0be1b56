/**
 * Waiting on several futures, or on one with a deadline: `wait`, `waitFor`,
 * `asCompleted`. Each parks the calling task on a private "waiter" future and
 * lets done callbacks (and a timer handle for the deadline) release it.
 *
 * Python: asyncio.tasks.wait, wait_for, as_completed and their helpers
 */
import type { EventLoop } from "./base-events";
import type { Awaitable, Coroutine, TaggedFunction } from "./coroutines";
import { _str, isCoroutine } from "./coroutines";
import { AttributeError, CancelledError, TimeoutError, ValueError } from "./exceptions";
import { Future, isFuture } from "./futures";
import { getEventLoop, getRunningLoop } from "./loops";
import { _pyNumber, isIterable, pySet, pyTypeName } from "./py-compare";
import { Queue } from "./queues";
import { ensureFuture } from "./tasks";
import { _missingArguments } from "./arity";

/**
 * `wait()` returns as soon as any future is done or cancelled.
 * @example
 * yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
 * Python: asyncio.FIRST_COMPLETED
 */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/**
 * `wait()` returns when any future raises, or when all are done.
 * @example
 * yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_EXCEPTION });
 * Python: asyncio.FIRST_EXCEPTION
 */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/**
 * `wait()` returns when all futures are done (the default).
 * @example
 * yield* asyncio.wait(tasks, { returnWhen: asyncio.ALL_COMPLETED });
 * Python: asyncio.ALL_COMPLETED
 */
export const ALL_COMPLETED = "ALL_COMPLETED";

/**
 * One of `FIRST_COMPLETED`, `FIRST_EXCEPTION`, `ALL_COMPLETED`.
 * @example
 * const when: asyncio.ReturnWhen = asyncio.FIRST_COMPLETED;
 * Python: the `return_when` argument of asyncio.wait
 */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Python's type name of what `wait`/`asCompleted` got instead of a collection. */
function kindName(x: unknown): string {
  return isCoroutine(x) ? "coroutine" : pyTypeName(x);
}

/** The callback that releases a waiter: used for deadlines and done callbacks. */
function releaseWaiter(waiter: Future<null>): void {
  if (!waiter.done()) waiter.setResult(null);
}
(releaseWaiter as TaggedFunction)._asyncioName = "_release_waiter";

/**
 * A done callback that releases `waiter` whatever future calls it (the callback gets
 * that future, not the waiter). Python: functools.partial(_release_waiter, waiter)
 */
function releaserOf(waiter: Future<null>): () => void {
  const cb = (): void => releaseWaiter(waiter);
  (cb as TaggedFunction)._asyncioName = "_release_waiter";
  (cb as TaggedFunction)._asyncioBound = [waiter];
  return cb;
}

/**
 * Wait until the futures (or tasks) in `aws` are done, as `returnWhen` says
 * (default `ALL_COMPLETED`) or until `timeout` seconds pass; returns
 * `[done, pending]`, two Sets. Never throws TimeoutError: what is not done is in
 * `pending`. Throws ValueError("Set of Tasks/Futures is empty.") for no futures,
 * ValueError for a bad `returnWhen`, and, as Python 3.11 does, TypeError("Passing
 * coroutines is forbidden, use tasks explicitly.") for a coroutine.
 *
 * @example
 * const tasks = [asyncio.createTask(job(1)), asyncio.createTask(job(2))];
 * const [done, pending] = yield* asyncio.wait(tasks, { returnWhen: asyncio.FIRST_COMPLETED });
 *
 * Python: asyncio.wait(aws, *, timeout=None, return_when=ALL_COMPLETED)
 */
export function wait<F extends Future>(
  aws: Iterable<F>,
  options: { timeout?: number | null; returnWhen?: ReturnWhen } = {},
): Coroutine<[Set<F>, Set<F>]> {
  // Bound at the call, as Python binds `wait(fs, *, timeout, return_when)`: a second
  // future where the options go is Python's `wait(t1, t2)`, a positional too many.
  if (arguments.length < 1) throw _missingArguments("wait", ["fs"]);
  if (arguments.length > 1 && (isFuture(options) || isCoroutine(options))) {
    throw new TypeError(`wait() takes 1 positional argument but ${arguments.length} were given`);
  }
  return _wait(aws, options);
}

/** The coroutine `wait` returns. */
function* _wait<F extends Future>(
  aws: Iterable<F>,
  options: { timeout?: number | null; returnWhen?: ReturnWhen },
): Coroutine<[Set<F>, Set<F>]> {
  const { timeout = null, returnWhen = ALL_COMPLETED } = options;
  if (isFuture(aws) || isCoroutine(aws)) {
    throw new TypeError(`expect a list of futures, not ${kindName(aws)}`);
  }
  // CPython tests `not fs` first (None and an empty list are "empty"), and makes the set
  // after the return_when check: so 42 gets past the first and fails at the set.
  const given = isIterable(aws) ? new Set(aws) : null;
  if (given === null ? !aws : given.size === 0) throw new ValueError("Set of Tasks/Futures is empty.");
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(`Invalid return_when value: ${_str(returnWhen)}`);
  }
  const loop = getRunningLoop();
  const fs = given ?? pySet(aws);
  for (const f of fs) {
    if (isCoroutine(f)) throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
    if (!isFuture(f)) throw new AttributeError(`'${pyTypeName(f)}' object has no attribute 'addDoneCallback'`);
  }
  return yield* waitInternal(fs, timeout, returnWhen, loop);
}

/** @internal The body of `wait()`, for a non-empty set of futures. Python: asyncio.tasks._wait */
function* waitInternal<F extends Future>(
  fs: Set<F>,
  timeout: number | null,
  returnWhen: ReturnWhen,
  loop: EventLoop,
): Coroutine<[Set<F>, Set<F>]> {
  const waiter = loop.createFuture<null>();
  const timeoutHandle = timeout === null ? null : loop.callLater(timeout, releaseWaiter, waiter);
  let counter = fs.size;

  const onCompletion = (f: Future): void => {
    counter -= 1;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)
    ) {
      timeoutHandle?.cancel();
      if (!waiter.done()) waiter.setResult(null);
    }
  };
  (onCompletion as TaggedFunction)._asyncioName = "_wait.<locals>._on_completion";

  for (const f of fs) f.addDoneCallback(onCompletion);
  try {
    yield* waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const f of fs) f.removeDoneCallback(onCompletion);
  }
  const done = new Set<F>();
  const pending = new Set<F>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

/** Cancel `fut` and wait until it is really done, staying cancellable ourselves. Python: _cancel_and_wait */
function* cancelAndWait<T>(fut: Future<T>, loop: EventLoop): Coroutine<void> {
  const waiter = loop.createFuture<null>();
  const cb = releaserOf(waiter);
  fut.addDoneCallback(cb);
  try {
    fut.cancel();
    // Wait on our own waiter, not on fut, so that cancelling us does not cancel it twice.
    yield* waiter;
  } finally {
    fut.removeDoneCallback(cb);
  }
}

/**
 * The end of `waitFor` once its time is up (a deadline passed, or `timeout <= 0`):
 * cancel `fut`, wait until it is really done, and return its result. If `fut` ended
 * cancelled, throw TimeoutError with that CancelledError as its `cause`; if it
 * swallowed the cancellation, its result (or error) wins.
 * Python: in wait_for, `await _cancel_and_wait(fut)` then
 * `return fut.result()` / `except CancelledError as exc: raise TimeoutError() from exc`
 */
function* cancelForTimeout<T>(fut: Future<T>, loop: EventLoop): Coroutine<T> {
  yield* cancelAndWait(fut, loop);
  try {
    return fut.result();
  } catch (e) {
    if (!(e instanceof CancelledError)) throw e;
    const err = new TimeoutError();
    err.cause = e;
    throw err;
  }
}

/**
 * Wait for `aw` (a coroutine becomes a task) for at most `timeout` seconds
 * (`null`: no limit) and return its result. On timeout, cancel it, wait until it
 * has finished cancelling, and throw TimeoutError whose `cause` is the
 * CancelledError. If the waiting task is cancelled, `aw` is cancelled too.
 * With `timeout <= 0`, a future that is not done yet is cancelled at once.
 *
 * @example
 * try {
 *   yield* asyncio.waitFor(asyncio.sleep(10), 1);
 * } catch (e) {
 *   if (e instanceof asyncio.TimeoutError) console.log("too slow");
 * }
 *
 * Python: asyncio.wait_for(aw, timeout)
 */
export function waitFor<T>(aw: Awaitable<T>, timeout: number | null): Coroutine<T> {
  // Python binds the arguments at the call, before the coroutine exists; a generator's
  // body would run only at its first step, so the check is out here.
  if (arguments.length < 2) throw _missingArguments("waitFor", ["fut", "timeout"], arguments.length);
  return _waitFor(aw, timeout);
}

/** The coroutine `waitFor` returns. */
function* _waitFor<T>(aw: Awaitable<T>, timeout: number | null): Coroutine<T> {
  const loop = getRunningLoop();
  if (timeout === null || timeout === undefined) return yield* aw;
  timeout = _pyNumber(timeout, "<=", "int"); // timeout <= 0

  if (timeout <= 0) {
    const fut = ensureFuture(aw, loop) as Future<T>;
    if (fut.done()) return fut.result();
    return yield* cancelForTimeout(fut, loop);
  }

  const waiter = loop.createFuture<null>();
  const timeoutHandle = loop.callLater(timeout, releaseWaiter, waiter);
  const cb = releaserOf(waiter);

  const fut = ensureFuture(aw, loop) as Future<T>;
  fut.addDoneCallback(cb);
  try {
    // Wait until the future completes or the deadline passes.
    try {
      yield* waiter;
    } catch (e) {
      // We were cancelled: make sure fut is not running after we return.
      if (fut.done()) return fut.result();
      fut.removeDoneCallback(cb);
      yield* cancelAndWait(fut, loop);
      throw e;
    }
    if (fut.done()) return fut.result();
    fut.removeDoneCallback(cb);
    // Deadline passed.
    return yield* cancelForTimeout(fut, loop);
  } finally {
    timeoutHandle.cancel();
  }
}

/**
 * Iterate over coroutines that give the results of `aws` in the order they
 * finish (coroutines in `aws` become tasks when iteration starts). After
 * `timeout` seconds, the remaining coroutines throw TimeoutError (the futures
 * keep running). Throws TypeError if `aws` is itself a future or a coroutine.
 *
 * @example
 * for (const next of asyncio.asCompleted([job(3), job(1), job(2)])) {
 *   console.log(yield* next); // 1, then 2, then 3
 * }
 *
 * Python: asyncio.as_completed(aws, *, timeout=None)
 */
export function asCompleted<T>(
  aws: Iterable<Awaitable<T>>,
  options: { timeout?: number | null } = {},
): Generator<Coroutine<T>, void, unknown> {
  // As waitFor: the arguments are bound at the call; the rest waits for the first step.
  if (arguments.length < 1) throw _missingArguments("asCompleted", ["fs"]);
  return _asCompleted(aws, options);
}

/** The generator `asCompleted` returns (CPython's as_completed is a generator too). */
function* _asCompleted<T>(
  aws: Iterable<Awaitable<T>>,
  options: { timeout?: number | null },
): Generator<Coroutine<T>, void, unknown> {
  const timeout = options.timeout ?? null;
  if (isFuture(aws) || isCoroutine(aws)) {
    throw new TypeError(`expect an iterable of futures, not ${kindName(aws)}`);
  }
  const done = new Queue<Future<T> | null>();
  const loop = getEventLoop();
  const todo = new Set<Future<T>>();
  for (const aw of pySet(aws)) todo.add(ensureFuture(aw, loop) as Future<T>);
  let timeoutHandle: { cancel(): void } | null = null;

  const onTimeout = (): void => {
    for (const f of todo) {
      f.removeDoneCallback(onCompletion);
      done.putNowait(null); // a dummy value for waitForOne()
    }
    todo.clear();
  };
  const onCompletion = (f: Future<T>): void => {
    if (todo.size === 0) return; // onTimeout() was here first
    todo.delete(f);
    done.putNowait(f);
    if (todo.size === 0 && timeoutHandle !== null) timeoutHandle.cancel();
  };
  (onTimeout as TaggedFunction)._asyncioName = "as_completed.<locals>._on_timeout";
  (onCompletion as TaggedFunction)._asyncioName = "as_completed.<locals>._on_completion";

  function* waitForOne(): Coroutine<T> {
    const f = yield* done.get();
    if (f === null) throw new TimeoutError(); // the dummy value from onTimeout()
    return f.result(); // may throw f's error
  }

  for (const f of todo) f.addDoneCallback(onCompletion);
  if (todo.size > 0 && timeout !== null) timeoutHandle = loop.callLater(timeout, onTimeout);
  const n = todo.size;
  for (let i = 0; i < n; i++) yield waitForOne();
}
