/**
 * Coroutines and awaitables, and how the library writes them (and other values) in
 * messages, the way CPython's `coroutines.py` and `format_helpers.py` do.
 *
 * A coroutine is a generator object: `function* main() { yield* asyncio.sleep(1); }`.
 * The task drives it with `next(v)` (Python's `send(v)`) and `throw(e)`.
 */
import { _reprShort } from "./reprlib";

declare const suspension: unique symbol;

/**
 * What a coroutine's own `yield` hands its task: a future it waits on, passed up by
 * `yield* fut`, or nothing (a bare `yield`: one turn of the loop). Opaque on purpose:
 * no Future, Task or coroutine is a Suspension, so `yield fut` (Python's
 * `yield fut` instead of `await fut`) is a type error; write `yield* fut`.
 * @example
 * function* main(): asyncio.Coroutine<void> { yield* asyncio.sleep(1); } // not `yield asyncio.sleep(1)`
 * Python: what `__await__()` yields to the task (a future with `_asyncio_future_blocking`, or None)
 */
export interface Suspension { readonly [suspension]: true }

/**
 * A coroutine that returns `T`: a generator object driven by a Task. It yields only
 * Suspensions (through `yield*`), so a bare `yield` of a future, task or coroutine in
 * it does not type-check.
 * @example
 * function* add(a: number, b: number): asyncio.Coroutine<number> { yield* asyncio.sleep(0); return a + b; }
 * Python: collections.abc.Coroutine / a coroutine object from `async def`
 */
export type Coroutine<T = unknown> = Generator<Suspension | undefined, T, unknown>;

/**
 * Something a coroutine can `yield*`: a future, a coroutine, or an object whose
 * `[Symbol.iterator]()` plays the part of Python's `__await__()`.
 * @example
 * const later: asyncio.Awaitable<number> = { *[Symbol.iterator]() { yield* asyncio.sleep(1); return 42; } };
 * const n = yield* later; // 42
 * Python: collections.abc.Awaitable
 */
export type Awaitable<T = unknown> = { [Symbol.iterator](): Iterator<Suspension | undefined, T, unknown> };

/**
 * True for a coroutine: a generator object, or any object with `next` and `throw`
 * (Python's duck-typed `collections.abc.Coroutine`).
 * @example
 * function* main() {} asyncio.isCoroutine(main()); // true
 * Python: asyncio.iscoroutine(obj)
 */
export function isCoroutine(obj: unknown): obj is Coroutine {
  return typeof obj === "object" && obj !== null &&
    typeof (obj as Coroutine).next === "function" &&
    typeof (obj as Coroutine).throw === "function";
}

const IteratorProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object;
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype) as object;
const iterFn = (proto: object): unknown => (proto as Record<symbol, unknown>)[Symbol.iterator];
/** `[Symbol.iterator]` methods of collections and iterators: iterable, but never awaitable. */
const COLLECTION_ITERATORS = new Set<unknown>([
  iterFn(Array.prototype), iterFn(String.prototype), iterFn(Map.prototype),
  iterFn(Set.prototype), iterFn(TypedArrayProto), iterFn(IteratorProto),
]);

/**
 * True for what `yield*` may await: futures, coroutines, and objects whose
 * `[Symbol.iterator]` is meant as `__await__`. Arrays, strings, Maps, Sets, typed arrays
 * and plain iterators are iterable but not awaitable.
 * @example
 * asyncio.isAwaitable(asyncio.sleep(1)); // true
 * asyncio.isAwaitable([1, 2]);           // false
 * Python: inspect.isawaitable(obj)
 */
export function isAwaitable(obj: unknown): obj is Awaitable {
  if (typeof obj !== "object" || obj === null) return false;
  if (isCoroutine(obj)) return true;
  const it = (obj as Record<symbol, unknown>)[Symbol.iterator];
  return typeof it === "function" && !COLLECTION_ITERATORS.has(it) && !Array.isArray(obj);
}

/**
 * A coroutine's function name, when something recorded it (`__name__`); else "coroutine".
 * @example
 * _coroName(main()); // "coroutine", or "main" once the runner recorded __name__
 * @internal
 */
export function _coroName(coro: unknown): string {
  const name = (coro as { __name__?: unknown } | null)?.__name__;
  return typeof name === "string" && name !== "" ? name : "coroutine";
}

/** Python's repr() of a string: single quotes unless the text has ' and no ". */
function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else out += ch;
  }
  return out + quote;
}

/**
 * Python's float repr for a number known to be a float (a deadline): 1 → "1.0".
 * @example
 * _reprFloat(1); // "1.0"
 * _reprFloat(0.5); // "0.5"
 * @internal
 */
export function _reprFloat(x: number): string {
  return Number.isInteger(x) && Math.abs(x) < 1e16 ? x.toFixed(1) : String(x);
}

/**
 * A value as CPython's `repr()` would show the Python twin of it, as closely as
 * JavaScript allows: `null` and `undefined` as `None`, booleans as `True`/`False`,
 * strings quoted, arrays as lists, plain objects and Maps as dicts, Sets as sets, errors
 * as `ValueError('x')`, futures and handles by their own `toString()`. `short` applies
 * `reprlib`'s limits (./reprlib.ts).
 * @example
 * _repr("a"); // "'a'"
 * _repr(null); // "None"
 * _repr({ a: 1, b: true }); // "{'a': 1, 'b': True}"
 * _repr(new Set()); // "set()"
 * _repr(new ValueError("x")); // "ValueError('x')"
 * @internal
 */
export function _repr(value: unknown, short = false): string {
  if (short) return _reprShort(value);
  switch (typeof value) {
    case "string": return reprString(value);
    case "undefined": return "None";
    case "boolean": return value ? "True" : "False";
    case "number":
      if (Number.isNaN(value)) return "nan";
      if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
      return String(value);
    case "function": return `<function ${value.name || "anonymous"}>`;
    case "object": {
      if (value === null) return "None";
      if (value instanceof Error) {
        return value.message === "" ? `${value.name}()` : `${value.name}(${reprString(value.message)})`;
      }
      if (Array.isArray(value)) return `[${value.map((v) => _repr(v)).join(", ")}]`;
      if (isCoroutine(value) && Object.prototype.toString.call(value) === "[object Generator]") {
        return `<generator object ${_coroName(value)}>`;
      }
      if (value instanceof Set) {
        // A Set is the twin of a set: {1, 2}, and set() when empty.
        return value.size === 0 ? "set()" : `{${[...value].map((v) => _repr(v)).join(", ")}}`;
      }
      if (value instanceof Map) {
        return `{${[...value].map(([k, v]) => `${_repr(k)}: ${_repr(v)}`).join(", ")}}`;
      }
      const proto: unknown = Object.getPrototypeOf(value);
      const ownString = (value as { toString?: unknown }).toString;
      if ((proto === Object.prototype || proto === null) && (ownString === undefined || ownString === Object.prototype.toString)) {
        // A plain object is the twin of a dict: {'key': repr(value), ...}.
        return `{${Object.keys(value).map((k) => `${reprString(k)}: ${_repr((value as Record<string, unknown>)[k])}`).join(", ")}}`;
      }
      // An instance with a toString of its own (futures, handles, tasks) shows that;
      // one without shows as Python shows an object, less the address.
      if (typeof ownString === "function" && ownString !== Object.prototype.toString) return String(value);
      return `<${(value as object).constructor?.name ?? "object"} object>`;
    }
    default: return String(value);
  }
}

/**
 * Python's `str()` of a value's twin: a string as it is, anything else as `_repr`.
 * @example
 * _str("worker"); // "worker"
 * _str(null); // "None"
 * @internal
 */
export function _str(value: unknown): string {
  return typeof value === "string" ? value : _repr(value);
}

/**
 * Functions the library tags so messages and observer events can name them.
 * @example
 * (doneCallback as TaggedFunction)._asyncioName = "gather.<locals>._done_callback";
 * @internal
 */
export interface TaggedFunction {
  (...args: never[]): unknown;
  /** Name shown in messages instead of the function's own `name`: CPython's `__qualname__`. */
  _asyncioName?: string;
  /** The arguments a `functools.partial` binds, which its repr shows: `_release_waiter(<Future …>)`. */
  _asyncioBound?: readonly unknown[];
}

/**
 * A callback's name as messages show it: `print`, `Task.task_wakeup`, `anonymous`.
 * @example
 * _callbackName(console.log); // "log"
 * _callbackName(() => {}); // "anonymous"
 * @internal
 */
export function _callbackName(fn: unknown): string {
  if (typeof fn !== "function") return _repr(fn);
  const tagged = (fn as TaggedFunction)._asyncioName;
  if (tagged !== undefined) return tagged;
  // A task's wakeup closure carries only its task (events.ts, TaskCallback).
  if ((fn as { _asyncioTask?: unknown })._asyncioTask !== undefined) return "Task.task_wakeup";
  return fn.name || "anonymous";
}

/**
 * `cb(args...)` the way CPython's `_format_callback_source` writes a handle's callback.
 * @example
 * _formatCallback(greet, ["ko", 1]); // "greet('ko', 1)"
 * @internal
 */
export function _formatCallback(fn: unknown, args: readonly unknown[]): string {
  return `${_callbackSource(fn)}(${args.map((a) => _repr(a, true)).join(", ")})`;
}

/**
 * A callback as reprs write it: its name, and for a partial the arguments it binds
 * (CPython's `_format_callback` unwraps `functools.partial` so).
 * @example
 * _callbackSource(releaser); // "_release_waiter(<Future pending>)"
 * @internal
 */
export function _callbackSource(fn: unknown): string {
  const bound = typeof fn === "function" ? (fn as TaggedFunction)._asyncioBound : undefined;
  const name = _callbackName(fn);
  return bound === undefined ? name : `${name}(${bound.map((a) => _repr(a, true)).join(", ")})`;
}
