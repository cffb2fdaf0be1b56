/**
 * Async generators: Python's `async def` with `yield` inside.
 *
 * A coroutine's `yield` already belongs to its task (that is how it awaits a
 * future), so an async generator needs a second channel for the values it
 * produces. Here the body gets an `emit` function as its first argument:
 * `yield* emit(v)` is Python's `yield v` (its value is what `asend()` sent),
 * and `yield* aw` is still Python's `await aw`. The driver resumes the body
 * with `next()`/`throw()` and sorts what comes out: an emitted value finishes
 * the current `anext()`/`asend()`/`athrow()`, anything else (a future the body
 * waits on) is passed up to the task unchanged, and what the task sends or
 * throws back is passed down.
 *
 * Python: async generator objects (PEP 525): `__anext__`, `asend`, `athrow`, `aclose`
 */
import { awaitOnce, REUSE_ASEND, REUSE_ATHROW } from "./async-gen-awaitables";
import type { Coroutine, Suspension } from "./coroutines";
import { RuntimeError, StopAsyncIteration } from "./exceptions";
import { pyTypeName } from "./py-compare";
import type { EventLoop } from "./base-events";
import { _getRunningLoop } from "./loops";

/**
 * Thrown into an async generator's body by `aclose()`, at the `yield* emit(...)`
 * where it is paused, so its `finally` blocks run (and may await).
 * @example
 * try { yield* emit(1); } finally { console.log("closed"); }
 *
 * Python: GeneratorExit
 */
export class GeneratorExit extends Error {}
Object.defineProperty(GeneratorExit.prototype, "name", {
  value: "GeneratorExit", writable: true, enumerable: false, configurable: true,
});

/**
 * The `emit` function an async generator's body receives: `yield* emit(value)`
 * hands `value` to the consumer and returns what it sends next (`undefined` for
 * `anext()`). `Y` is the type of the values, `S` of what `asend()` sends.
 * @example
 * asyncio.asyncGenerator(function* (emit: asyncio.Emit<string, number>) {
 *   const n = yield* emit("ready"); // n: what the consumer passed to asend()
 * });
 * Python: a `yield` expression inside `async def`
 */
export type Emit<Y, S = undefined> = (value: Y) => Generator<unknown, S | undefined, unknown>;

/** What `emit` yields: recognised (by owner) by the driver, never seen by a task. */
class Emitted {
  constructor(
    readonly owner: AsyncGenerator<unknown, unknown>,
    readonly value: unknown,
  ) {}
}

/**
 * A running async generator, made by calling a function from `asyncGenerator()`.
 * Its own async iterator (`aiter()` returns it), so `asyncFor` works on it.
 *
 * Invariants: `_running` is true while an `anext/asend/athrow/aclose` is
 * driving the body (between resuming it and its next emit or end); a second
 * one then throws "already running". `_finished` is true once the body has
 * ended, by returning or throwing. From its first iteration until it
 * finishes, the generator sits in the running loop's `_asyncgens`, so that
 * `run()` closes it at shutdown (`loop.shutdownAsyncgens()`).
 *
 * @example
 * const agen = ticker(3);
 * const first = yield* agen.anext();
 * yield* agen.aclose();
 *
 * Python: the async_generator type
 */
export class AsyncGenerator<Y, S = undefined> {
  /** @internal The body, a generator that yields both awaited futures and `Emitted` markers. */
  _body: Generator<unknown, void, unknown>;
  /** @internal */
  _name: string;
  /** @internal Python: `ag_running_async`. */
  _running = false;
  /** @internal True once the body has been resumed at least once. */
  _started = false;
  /** @internal True once the body has returned or thrown. */
  _finished = false;
  /**
   * @internal True once `aclose()` began on a started generator (Python: `ag_closed`).
   * A body that ignored the GeneratorExit is not finished, but a later `aclose()` or
   * `athrow()` then only raises StopAsyncIteration, as in CPython 3.11.
   */
  _closed = false;
  /** @internal The loop it registered with on its first iteration (null: none yet, or no loop ran). */
  _loop: EventLoop | null = null;
  /** @internal True once the first iteration looked for a loop (Python: `ag_hooks_inited`). */
  _hooksInited = false;

  /** @internal Use `asyncGenerator(fn)(...args)`. */
  constructor(body: (emit: Emit<Y, S>) => Generator<unknown, void, unknown>, name: string) {
    const owner = this as AsyncGenerator<unknown, unknown>;
    this._body = body(function* emit(value: Y) {
      return (yield new Emitted(owner, value)) as S | undefined;
    });
    this._name = name;
  }

  /** Returns this generator: it is its own async iterator. Python: `__aiter__`. */
  aiter(): this {
    return this;
  }

  /**
   * Run the body to its next emitted value and return it; throws
   * `StopAsyncIteration` when the body ends. Python: `__anext__()`.
   */
  anext(): Coroutine<Y> {
    return this.asend(undefined);
  }

  /**
   * Like `anext()`, but `value` becomes the result of the `yield* emit(...)` the
   * body is paused at. The first call must send `undefined` (TypeError otherwise).
   * Like every method here, it returns a one-shot awaitable: awaiting it twice throws
   * `RuntimeError("cannot reuse already awaited __anext__()/asend()")`.
   */
  asend(value: S | undefined): Coroutine<Y> {
    return awaitOnce(this._asend(value), REUSE_ASEND);
  }

  /** @internal The work of `asend()`. */
  *_asend(value: S | undefined): Coroutine<Y> {
    this._firstIter();
    if (this._running) throw new RuntimeError("anext(): asynchronous generator is already running");
    if (this._finished) throw new StopAsyncIteration();
    if (!this._started && value !== undefined && value !== null) {
      throw new TypeError("can't send non-None value to a just-started async generator");
    }
    return yield* this._resume(false, value);
  }

  /**
   * Throw `error` into the body where it is paused and run it to its next emitted
   * value (returned). If the body ends instead, throws `StopAsyncIteration` or
   * the body's error; on an already finished generator it returns `undefined`.
   */
  athrow(error: unknown): Coroutine<Y | undefined> {
    return awaitOnce(this._athrow(error), REUSE_ATHROW);
  }

  /** @internal The work of `athrow()`. */
  *_athrow(error: unknown): Coroutine<Y | undefined> {
    this._firstIter();
    if (this._running) throw new RuntimeError("athrow(): asynchronous generator is already running");
    if (this._finished) return undefined;
    if (this._closed) throw new StopAsyncIteration();
    // As CPython's throw: a class is raised as its instance, and anything that is not an
    // exception is refused before it reaches the body, which stays where it paused.
    if (typeof error === "function" && error.prototype instanceof Error) error = new (error as new () => unknown)();
    if (!(error instanceof Error)) {
      throw new TypeError(`exceptions must be classes or instances deriving from BaseException, not ${pyTypeName(error)}`);
    }
    return yield* this._resume(true, error);
  }

  /**
   * Close the generator: throw `GeneratorExit` where the body is paused and let it
   * finish (its `finally` blocks may await). Throws
   * `RuntimeError("async generator ignored GeneratorExit")` if it emits again.
   * Closing a finished or never-started generator does nothing.
   */
  aclose(): Coroutine<void> {
    return awaitOnce(this._aclose(), REUSE_ATHROW);
  }

  /** @internal The work of `aclose()`. */
  *_aclose(): Coroutine<void> {
    this._firstIter();
    if (this._running) throw new RuntimeError("aclose(): asynchronous generator is already running");
    if (this._finished) return;
    if (this._closed) throw new StopAsyncIteration();
    if (!this._started) {
      // Python marks a never-started generator closed without running any of its body.
      this._finish();
      this._body.return(undefined);
      return;
    }
    this._closed = true;
    try {
      yield* this._resume(true, new GeneratorExit());
    } catch (e) {
      if (e instanceof GeneratorExit || e instanceof StopAsyncIteration) return;
      throw e;
    }
    throw new RuntimeError("async generator ignored GeneratorExit");
  }

  /**
   * @internal Resume the body with `next(arg)` (or `throw(arg)`) until it emits a
   * value, which is returned, or ends, which throws. Every other yield is a
   * future the body awaits: it goes up to the task, and the task's answer comes
   * back down.
   */
  *_resume(throwIn: boolean, arg: unknown): Coroutine<Y> {
    this._running = true;
    try {
      for (;;) {
        let step: IteratorResult<unknown, void>;
        try {
          step = throwIn ? this._body.throw(arg) : this._body.next(arg);
        } catch (e) {
          this._finish();
          if (e instanceof StopAsyncIteration) {
            const err = new RuntimeError("async generator raised StopAsyncIteration");
            err.cause = e;
            throw err;
          }
          throw e;
        }
        this._started = true;
        if (step.done) {
          this._finish();
          throw new StopAsyncIteration();
        }
        const out = step.value;
        if (out instanceof Emitted && out.owner === this) return out.value as Y;
        try {
          arg = yield out as Suspension | undefined;
          throwIn = false;
        } catch (e) {
          arg = e;
          throwIn = true;
        }
      }
    } finally {
      this._running = false;
    }
  }

  /**
   * @internal The first `anext/asend/athrow/aclose` registers the generator with the
   * running loop, as CPython's firstiter hook (`sys.set_asyncgen_hooks`, installed by
   * `run_forever`) adds it to `loop._asyncgens`.
   */
  _firstIter(): void {
    if (this._hooksInited) return;
    this._hooksInited = true;
    const loop = _getRunningLoop();
    if (loop === null) return;
    this._loop = loop;
    loop._asyncgens.add(this);
  }

  /**
   * @internal The body ended: nothing is left to close. CPython's loop holds its
   * generators weakly, so a finished one usually leaves `_asyncgens` when it is
   * garbage-collected; JavaScript cannot see that moment, so it leaves now.
   */
  _finish(): void {
    this._finished = true;
    if (this._loop !== null) this._loop._asyncgens.delete(this);
  }

  /** Like Python's repr: `<async_generator object ticker>`. */
  toString(): string {
    return `<async_generator object ${this._name}>`;
  }
}
Object.defineProperty(AsyncGenerator, "name", { value: "async_generator" });

/**
 * Make an async generator function: the returned function, called with
 * `args`, gives a fresh `AsyncGenerator` whose body is `fn(emit, ...args)`.
 * In the body, `yield* emit(v)` is Python's `yield v` and `yield* aw` is `await aw`.
 * Annotate `emit` (`asyncio.Emit<number>`) to type the values.
 *
 * @example
 * const ticker = asyncio.asyncGenerator(function* (emit: asyncio.Emit<number>, n: number) {
 *   for (let i = 0; i < n; i++) {
 *     yield* emit(i);           // Python: yield i
 *     yield* asyncio.sleep(1);  // Python: await asyncio.sleep(1)
 *   }
 * });
 * yield* asyncio.asyncFor(ticker(3), function* (i) {
 *   console.log(i);
 * });
 *
 * Python: `async def ticker(n): ... yield i ...`
 */
export function asyncGenerator<Y, S = undefined, A extends unknown[] = []>(
  fn: (emit: Emit<Y, S>, ...args: A) => Generator<unknown, void, unknown>,
): (...args: A) => AsyncGenerator<Y, S> {
  const name = fn.name || "asyncGenerator";
  return (...args: A) => new AsyncGenerator<Y, S>((emit) => fn(emit, ...args), name);
}
