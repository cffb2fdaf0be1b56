/**
 * What the loop does with errors nobody caught: the context object CPython passes to
 * exception handlers, how `loop.callExceptionHandler()` calls them, the default
 * handler's report, and the callback check that CPython only runs in debug mode (here
 * always, so misuse fails at once).
 */
import type { EventLoop } from "./base-events";
import { _repr } from "./coroutines";
import type { Handle } from "./events";
import type { Future } from "./futures";

/**
 * What an exception handler receives: CPython's keys (`message`, `exception`,
 * `handle`, `future`, `task`, ...).
 */
export interface ExceptionContext {
  message: string;
  exception?: unknown;
  handle?: Handle;
  future?: Future;
  task?: Future;
  [key: string]: unknown;
}

/** A loop's exception handler, called as `handler(loop, context)`. */
export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

const GeneratorFunction = Object.getPrototypeOf(function* () {}) as object;

/** Throw TypeError unless `callback` is an ordinary function. @internal */
export function _checkCallback(callback: unknown, method: string): void {
  if (typeof callback !== "function") {
    throw new TypeError(`a callable object was expected by ${method}(), got ${_repr(callback)}`);
  }
  if (Object.getPrototypeOf(callback) === GeneratorFunction) {
    throw new TypeError(`coroutines cannot be used with ${method}()`);
  }
}

/** Format an error the way a traceback ends: its stack if it has one. */
function formatException(exc: unknown): string {
  if (exc instanceof Error) return exc.stack ?? `${exc.name}: ${exc.message}`;
  return `${_repr(exc)}`;
}

/**
 * CPython's default handler: the message, then `key: repr(value)` for the other keys
 * in sorted order, then the error, all written to console.error.
 * @internal Python: BaseEventLoop.default_exception_handler(context)
 */
export function _defaultExceptionHandler(context: ExceptionContext): void {
  const lines = [context.message || "Unhandled exception in event loop"];
  for (const key of Object.keys(context).sort()) {
    if (key === "message" || key === "exception") continue;
    const value = context[key];
    lines.push(`${key}: ${key === "context" ? JSON.stringify(Object.keys(value as object)) : _repr(value)}`);
  }
  if (context.exception !== undefined && context.exception !== null) {
    lines.push(formatException(context.exception));
  }
  console.error(lines.join("\n"));
}

/**
 * `loop.callExceptionHandler(context)`: pass `context` to the loop's handler (or the
 * default one); an error the handler throws goes to the default handler ("Unhandled
 * error in exception handler"), and an error there is only logged.
 * @example
 * _callExceptionHandler(loop, { message: "something odd", exception: err });
 * @internal Python: BaseEventLoop.call_exception_handler(context)
 */
export function _callExceptionHandler(loop: EventLoop, context: ExceptionContext): void {
  const handler = loop._exceptionHandler;
  if (handler === null) {
    try {
      loop.defaultExceptionHandler(context);
    } catch (exc) {
      console.error("Exception in default exception handler", exc);
    }
    return;
  }
  try {
    handler(loop, context);
  } catch (exc) {
    try {
      loop.defaultExceptionHandler({ message: "Unhandled error in exception handler", exception: exc, context });
    } catch (exc2) {
      console.error("Exception in default exception handler while handling an unexpected error in custom exception handler", exc2);
    }
  }
}
