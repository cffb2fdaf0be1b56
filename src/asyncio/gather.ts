/**
 * `gather()`: run awaitables concurrently and collect their results, in the
 * order they were passed, into one future.
 *
 * Each argument becomes a child future (coroutines are wrapped in tasks, so
 * they start on the next loop turn); one done callback, `_done_callback`,
 * counts the children as they finish and settles the outer future.
 *
 * Python: asyncio.tasks.gather and _GatheringFuture
 */
import type { Awaitable, TaggedFunction } from "./coroutines";
import { isAwaitable } from "./coroutines";
import { Future, isFuture } from "./futures";
import { _outcome } from "./gather-settled";
import { getEventLoop } from "./loops";
import { ensureFuture } from "./tasks";
import type { EventLoop } from "./base-events";

/**
 * The options `gather` accepts as its last argument.
 * @example
 * asyncio.gather(a(), b(), { returnExceptions: true });
 * Python: the keyword argument `return_exceptions`
 */
export interface GatherOptions {
  /** Put errors (and CancelledErrors of cancelled children) in the results instead of raising the first one. */
  returnExceptions?: boolean;
}

/**
 * The future `gather()` returns. Cancelling it cancels every child that is not
 * done; it is then settled (with a CancelledError) once the children finish,
 * like a task rather than a plain future.
 *
 * @example
 * const g = asyncio.gather(a(), b());
 * g.cancel(); // cancels a() and b()
 *
 * Python: asyncio.tasks._GatheringFuture
 */
class GatheringFuture<T = unknown[]> extends Future<T> {
  /** @internal One entry per argument (a repeated argument repeats its future). */
  _children: Future[];
  /** @internal Set when `cancel()` reached a child: the outcome is then a CancelledError. */
  _cancelRequested = false;

  /** @internal Made by `gather()`. */
  constructor(children: Future[], loop: EventLoop) {
    super({ loop });
    this._children = children;
  }

  /** Cancel every child that is not done; true if any was. */
  override cancel(msg: string | null = null): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) {
      if (child.cancel(msg)) ret = true;
    }
    // If any child was really cancelled, the cancellation must reach whoever
    // awaits us, even with returnExceptions.
    if (ret) this._cancelRequested = true;
    return ret;
  }
}
Object.defineProperty(GatheringFuture, "name", { value: "_GatheringFuture" });

function isOptions(x: unknown): x is GatherOptions {
  if (typeof x !== "object" || x === null || isFuture(x) || isAwaitable(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

type Results<T extends readonly unknown[]> = { -readonly [K in keyof T]: T[K] };
type Awaitables<T extends readonly unknown[]> = { [K in keyof T]: Awaitable<T[K]> };

/**
 * Run the awaitables concurrently; the returned future's result is the list of
 * their results in argument order. The first error is passed on to the outer
 * future at once (the other children keep running) unless the last argument is
 * `{ returnExceptions: true }`, which puts errors in the list instead.
 * Cancelling the outer future cancels the children; a cancelled child makes the
 * outer future raise CancelledError (without returnExceptions). The same
 * awaitable passed twice runs once. `gather()` with nothing gives a done future
 * holding `[]`. Throws TypeError for an argument that is not awaitable.
 *
 * @example
 * const [a, b] = yield* asyncio.gather(fetch("a", 2), fetch("b", 1));
 * const mixed = yield* asyncio.gather(ok(), fails(), { returnExceptions: true });
 *
 * Python: asyncio.gather(*aws, return_exceptions=False)
 */
export function gather<T extends readonly unknown[]>(...aws: Awaitables<T>): Future<Results<T>>;
export function gather<T extends readonly unknown[]>(...args: [...Awaitables<T>, GatherOptions]): Future<unknown[]>;
export function gather(...args: unknown[]): unknown {
  let returnExceptions = false;
  if (args.length > 0 && isOptions(args[args.length - 1])) {
    const options = args.pop() as Record<string, unknown>;
    for (const key of Object.keys(options)) {
      if (key !== "returnExceptions") {
        throw new TypeError(`gather() got an unexpected keyword argument '${key}'`);
      }
    }
    returnExceptions = Boolean(options.returnExceptions);
  }

  if (args.length === 0) {
    const outer = getEventLoop().createFuture<unknown[]>();
    outer.setResult([]);
    return outer;
  }

  const children: Future[] = [];
  let nfuts = 0;
  let nfinished = 0;
  let outer: GatheringFuture | null = null;

  const doneCallback = (fut: Future): void => {
    nfinished += 1;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception(); // mark the error as retrieved
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        // Checked first: exception() would throw the CancelledError instead of returning it.
        outer.setException(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer.setException(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      // Every child is done: collect the results in argument order.
      const results = children.map(_outcome);
      if (outer._cancelRequested) {
        // gather() itself was cancelled: raise that, whatever returnExceptions says.
        // (CPython asks the last child for the error: its loop variable outlives the loop.)
        outer.setException(children[children.length - 1]._makeCancelledError());
      } else {
        outer.setResult(results);
      }
    }
  };
  (doneCallback as TaggedFunction)._asyncioName = "gather.<locals>._done_callback";

  let loop: EventLoop | undefined;
  // CPython keeps a dict from argument to child so that a repeated argument runs once.
  // Repeats are rare: one Set built from all the arguments at once (hashed inside the
  // engine) tells whether there is any, and only then is the per-argument map needed.
  const argToFut = new Set(args).size === args.length ? null : new Map<unknown, Future>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    let fut = argToFut === null ? undefined : argToFut.get(arg);
    if (fut === undefined) {
      fut = ensureFuture(arg as Awaitable, loop) as Future;
      loop ??= fut.getLoop();
      nfuts += 1;
      if (argToFut !== null) argToFut.set(arg, fut);
      fut.addDoneCallback(doneCallback);
    }
    children.push(fut);
  }
  outer = new GatheringFuture(children, loop as EventLoop);
  return outer;
}
