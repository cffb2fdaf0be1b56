/**
 * `async with` and `async for` as coroutine helpers, plus Python 3.10's
 * `aiter()` / `anext()` built-ins. A TypeScript generator has no `async with`
 * statement, so `asyncWith` runs the steps Python's compiler emits: await
 * `aenter()`, run the block, await `aexit()` with the error (if any).
 *
 * Python: the `async with` / `async for` statements (PEP 492), builtins aiter/anext
 */
import type { Awaitable, Coroutine } from "./coroutines";
import { StopAsyncIteration } from "./exceptions";
import { pyTypeName } from "./py-compare";

/**
 * The class of a thrown value, as `aexit()` receives it.
 * @example
 * function* aexit(type: asyncio.ErrorClass | null, exc: unknown) { return type === asyncio.ValueError; }
 * Python: the `exc_type` argument of `__aexit__`
 */
export type ErrorClass = abstract new (...args: never[]) => unknown;

/**
 * What `asyncWith` needs: `aenter()` gives the value of the block, `aexit()` is
 * told how the block ended and may suppress its error by returning a truthy value.
 * @example
 * class Connection {
 *   *aenter() { yield* asyncio.sleep(0.1); return this; }        // connect
 *   *aexit(type, exc, tb) { yield* asyncio.sleep(0.1); return false; } // close, keep the error
 * }
 * Python: `__aenter__` / `__aexit__`
 */
export interface AsyncContextManager<V> {
  aenter(): Awaitable<V>;
  aexit(type: ErrorClass | null, exc: unknown, tb: string | null): Awaitable<unknown>;
}

/**
 * What `aiter()` returns: something whose `anext()` gives the next item or throws `StopAsyncIteration`.
 * @example
 * const it = { *anext() { throw new asyncio.StopAsyncIteration(); } }; // always at the end
 * Python: an object with `__anext__`
 */
export interface AIterator<T> {
  anext(): Awaitable<T>;
}

/**
 * What `asyncFor` and `aiter()` accept.
 * @example
 * const items: asyncio.AIterable<number> = { aiter: () => counter }; // counter: an AIterator<number>
 * Python: an object with `__aiter__`
 */
export interface AIterable<T> {
  aiter(): AIterator<T>;
}

type Falsy = false | null | undefined | void | 0 | "";
type AexitResult<C> = C extends { aexit(t: never, e: never, tb: never): Awaitable<infer X> } ? X : unknown;

/**
 * The value of `asyncWith(cm, body)`: the body's value, or `undefined` as well
 * if `cm.aexit()` can suppress an error (its result is not always falsy).
 * @example
 * type V = asyncio.AsyncWithResult<asyncio.Lock, number>; // number: a lock never suppresses
 * Python: the value after an `async with` block, which a suppressed error skips
 */
export type AsyncWithResult<C, R> = [AexitResult<C>] extends [Falsy] ? R : R | undefined;

function hasMethod(x: unknown, name: PropertyKey): boolean {
  return x !== null && x !== undefined && typeof (Object(x) as Record<PropertyKey, unknown>)[name] === "function";
}

/** An awaitable as the library knows one: an object with `[Symbol.iterator]` (a string iterates, but awaits nothing). */
function isAwaitableObject(x: unknown): boolean {
  return (typeof x === "object" || typeof x === "function") && x !== null && hasMethod(x, Symbol.iterator);
}

/**
 * What `aenter()` / `aexit()` returned, when it is something `yield*` can wait on; else
 * CPython's TypeError for an `__aenter__` that returns no awaitable (in the library's
 * names: an awaitable is what has `[Symbol.iterator]`).
 */
function awaited<T>(value: Awaitable<T>, method: "aenter" | "aexit"): Awaitable<T> {
  if (!isAwaitableObject(value)) {
    throw new TypeError(`'asyncWith' received an object from ${method} that does not implement [Symbol.iterator]: ${pyTypeName(value)}`);
  }
  return value;
}

function classOf(e: unknown): ErrorClass {
  return Object(e).constructor as ErrorClass;
}

function stackOf(e: unknown): string | null {
  return e instanceof Error && typeof e.stack === "string" ? e.stack : null;
}

/**
 * Run `body(value)` inside the async context manager `cm`: awaits `cm.aenter()`,
 * runs the body with its value, then awaits `cm.aexit(null, null, null)`, or
 * `cm.aexit(errorClass, error, stack)` if the body threw; a truthy result of
 * `aexit` suppresses the error (the value is then `undefined`). Returns the
 * body's value. Throws `TypeError` if `cm` lacks `aenter`/`aexit`.
 *
 * @example
 * const lock = new asyncio.Lock();
 * const n = yield* asyncio.asyncWith(lock, function* () {
 *   yield* asyncio.sleep(1);
 *   return 42;
 * });
 *
 * Python: `async with cm as value: ...`
 */
export function* asyncWith<C extends AsyncContextManager<V>, V, R>(
  cm: C & AsyncContextManager<V>,
  body: (value: V) => Awaitable<R>,
): Coroutine<AsyncWithResult<C, R>> {
  if (!hasMethod(cm, "aenter")) {
    throw new TypeError(`'${pyTypeName(cm)}' object does not support the asynchronous context manager protocol`);
  }
  if (!hasMethod(cm, "aexit")) {
    throw new TypeError(
      `'${pyTypeName(cm)}' object does not support the asynchronous context manager protocol (missed aexit method)`,
    );
  }
  const value = yield* awaited(cm.aenter(), "aenter");
  let result: R;
  try {
    result = yield* body(value);
  } catch (e) {
    const suppress = yield* awaited(cm.aexit(classOf(e), e, stackOf(e)), "aexit");
    if (!suppress) throw e;
    return undefined as AsyncWithResult<C, R>;
  }
  yield* awaited(cm.aexit(null, null, null), "aexit");
  return result as AsyncWithResult<C, R>;
}

/**
 * Returned by an `asyncFor` body to leave the loop, as `break` would.
 * @example
 * yield* asyncio.asyncFor(ticker(10), function* (n) {
 *   if (n === 3) return asyncio.BREAK;
 * });
 *
 * Python: `break` inside `async for`
 */
export const BREAK: unique symbol = Symbol("BREAK");

/**
 * Run `body(item)` for each item of `ait`: calls `ait.aiter()` once, then awaits
 * `anext()` until it throws `StopAsyncIteration`. The body may return `BREAK` to
 * stop early (returning nothing continues with the next item). Like Python's
 * `break`, leaving early does not close an async generator: call `aclose()`.
 * Throws CPython's `TypeError`s for objects without `aiter`/`anext`.
 *
 * @example
 * yield* asyncio.asyncFor(queueItems, function* (item) {
 *   console.log(item);
 * });
 *
 * Python: `async for item in ait: ...`
 */
export function* asyncFor<T>(
  ait: AIterable<T>,
  body: (item: T) => Awaitable<typeof BREAK | void | undefined>,
): Coroutine<void> {
  if (!hasMethod(ait, "aiter")) {
    throw new TypeError(`'asyncFor' requires an object with aiter method, got ${pyTypeName(ait)}`);
  }
  const it = ait.aiter();
  if (!hasMethod(it, "anext")) {
    throw new TypeError(
      `'asyncFor' received an object from aiter that does not implement anext: ${pyTypeName(it)}`,
    );
  }
  for (;;) {
    const step = it.anext();
    if (!isAwaitableObject(step)) {
      throw new TypeError(`'asyncFor' received an invalid object from anext: ${pyTypeName(step)}`);
    }
    let item: T;
    try {
      item = yield* step;
    } catch (e) {
      if (e instanceof StopAsyncIteration) return;
      throw e;
    }
    if ((yield* body(item)) === BREAK) return;
  }
}

/**
 * Get the async iterator of `x` by calling `x.aiter()`.
 * Throws `TypeError("'int' object is not an async iterable")` and
 * `TypeError("aiter() returned not an async iterator of type 'int'")` as Python does.
 *
 * @example
 * const it = asyncio.aiter(ticker(3));
 * const first = yield* asyncio.anext(it);
 *
 * Python: aiter(x)
 */
export function aiter<T>(x: AIterable<T>): AIterator<T> {
  if (!hasMethod(x, "aiter")) throw new TypeError(`'${pyTypeName(x)}' object is not an async iterable`);
  const it = x.aiter();
  if (!hasMethod(it, "anext")) {
    throw new TypeError(`aiter() returned not an async iterator of type '${pyTypeName(it)}'`);
  }
  return it;
}

function* orDefault<T, D>(step: Awaitable<T>, dflt: D): Coroutine<T | D> {
  try {
    return yield* step;
  } catch (e) {
    if (e instanceof StopAsyncIteration) return dflt;
    throw e;
  }
}

/**
 * Start getting the next item of the async iterator `it`: returns the awaitable of
 * `it.anext()`. With a default, the awaitable gives `dflt` at the end instead of
 * throwing `StopAsyncIteration`. Throws `TypeError("'int' object is not an async
 * iterator")` at once for an object without `anext`.
 *
 * @example
 * const END = Symbol("END");
 * for (const it = asyncio.aiter(ticker(3)); ;) {
 *   const n = yield* asyncio.anext(it, END);
 *   if (n === END) break;
 *   console.log(n);
 * }
 *
 * Python: anext(it) / anext(it, default)
 */
export function anext<T>(it: AIterator<T>): Awaitable<T>;
export function anext<T, D>(it: AIterator<T>, dflt: D): Awaitable<T | D>;
export function anext<T, D>(it: AIterator<T>, ...rest: [D?]): Awaitable<T | D> {
  if (!hasMethod(it, "anext")) throw new TypeError(`'${pyTypeName(it)}' object is not an async iterator`);
  const step = it.anext();
  return rest.length === 0 ? step : orDefault(step, rest[0] as D);
}
