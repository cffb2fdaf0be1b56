/**
 * What the loop does with errors nobody caught: the context object CPython passes to
 * exception handlers, how `loop.callExceptionHandler()` calls them, the default
 * handler's report, and the callback check that CPython only runs in debug mode (here
 * always, so misuse fails at once).
 *
 * `LoopExceptionHandler` is the part of the event loop that holds the handler: the
 * base class of `LoopRunner` (loop-running.ts), itself the base of `EventLoop`
 * (base-events.ts), as CPython's `BaseEventLoop` keeps the four methods beside the rest.
 */
import type { EventLoop } from "./base-events";
import { _repr, isCoroutine } from "./coroutines";
import type { Handle } from "./events";
import type { Future } from "./futures";

/**
 * What an exception handler receives: CPython's keys (`message`, `exception`,
 * `handle`, `future`, `task`, ...).
 * @example
 * loop.callExceptionHandler({ message: "worker failed", exception: err });
 */
export interface ExceptionContext {
  message: string;
  exception?: unknown;
  handle?: Handle;
  future?: Future;
  task?: Future;
  [key: string]: unknown;
}

/**
 * A loop's exception handler, called as `handler(loop, context)`.
 * @example
 * loop.setExceptionHandler((loop, context) => console.log("caught:", context.message));
 */
export type ExceptionHandler = (loop: EventLoop, context: ExceptionContext) => void;

const GeneratorFunction = Object.getPrototypeOf(function* () {}) as object;

/**
 * Throw TypeError unless `callback` is an ordinary function. Every `callSoon` and
 * `callLater` runs this, so the common case is one property read: a function whose
 * `constructor` is `Function` (arrows, methods, bound functions, classes) cannot be a
 * generator function; only the others are looked at further (`Object.getPrototypeOf`
 * is a call the engine does not inline here).
 * @example
 * _checkCallback(() => {}, "callSoon"); // fine
 * _checkCallback(function* () {}, "callSoon"); // TypeError: coroutines cannot be used with callSoon()
 * @internal
 */
export function _checkCallback(callback: unknown, method: string): void {
  if (isCoroutine(callback)) throw new TypeError(`coroutines cannot be used with ${method}()`);
  if (typeof callback !== "function") {
    throw new TypeError(`a callable object was expected by ${method}(), got ${_repr(callback)}`);
  }
  if ((callback as { constructor?: unknown }).constructor !== Function && Object.getPrototypeOf(callback) === GeneratorFunction) {
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
 * @example
 * _defaultExceptionHandler({ message: "Task exception was never retrieved", exception: err });
 * @internal Python: BaseEventLoop.default_exception_handler(context)
 */
export function _defaultExceptionHandler(context: ExceptionContext): void {
  const lines = [context.message || "Unhandled exception in event loop"];
  for (const key of Object.keys(context).sort()) {
    if (key === "message" || key === "exception") continue;
    const value = context[key];
    lines.push(`${key}: ${_repr(value)}`);
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

/**
 * The exception-handler methods of an event loop (the base class of `EventLoop`:
 * always use them on a loop from `newEventLoop()`).
 * @example
 * loop.setExceptionHandler((loop, ctx) => console.log("caught:", ctx.message));
 * Python: the exception-handler methods of asyncio.BaseEventLoop
 */
export abstract class LoopExceptionHandler {
  /** null: the default handler. @internal */ _exceptionHandler: ExceptionHandler | null = null;

  /**
   * Set the handler called as `handler(loop, context)` for errors nobody else catches;
   * null restores the default. Throws TypeError for a non-function.
   * @example
   * loop.setExceptionHandler((loop, ctx) => console.log("caught:", ctx.message));
   * Python: loop.set_exception_handler(handler)
   */
  setExceptionHandler(handler: ExceptionHandler | null): void {
    if (handler !== null && typeof handler !== "function") {
      throw new TypeError(`A callable object or None is expected, got ${_repr(handler)}`);
    }
    this._exceptionHandler = handler;
  }

  /**
   * The handler set with `setExceptionHandler()`, or null for the default.
   * @example
   * loop.getExceptionHandler(); // null
   * Python: loop.get_exception_handler()
   */
  getExceptionHandler(): ExceptionHandler | null {
    return this._exceptionHandler;
  }

  /**
   * The default handler: writes the message, the context and the error to console.error.
   * @example
   * loop.setExceptionHandler((loop, ctx) => loop.defaultExceptionHandler(ctx));
   * Python: loop.default_exception_handler(context)
   */
  defaultExceptionHandler(context: ExceptionContext): void {
    _defaultExceptionHandler(context);
  }

  /**
   * Pass `context` to the exception handler; an error the handler throws goes to the
   * default handler, and an error there is only logged.
   * @example
   * loop.callExceptionHandler({ message: "something odd", exception: err });
   * Python: loop.call_exception_handler(context)
   */
  callExceptionHandler(context: ExceptionContext): void {
    _callExceptionHandler(this as unknown as EventLoop, context);
  }
}
