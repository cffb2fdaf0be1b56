/**
 * The awaitables that an async generator's `anext()`, `asend()`, `athrow()` and
 * `aclose()` return: each may be awaited (driven by `yield*`) once.
 *
 * A plain generator object cannot say no to a second `yield*`: once it has
 * finished, `next()` answers `{ done: true, value: undefined }` and the second
 * await quietly gives `undefined`. CPython's `async_generator_asend` and
 * `async_generator_athrow` objects remember that they finished and raise
 * instead. `AwaitOnce` wraps the generator that does the work, passes every
 * send and throw through to it, and closes itself when that generator returns
 * or throws; after that every resumption throws CPython's `RuntimeError`.
 *
 * Python: `async_generator_asend` / `async_generator_athrow` (Objects/genobject.c)
 */
import type { Coroutine } from "./coroutines";
import { RuntimeError } from "./exceptions";

type Step<T> = ReturnType<Coroutine<T>["next"]>;

/**
 * CPython's messages for a second await; the dunder names have no twin here, so they stay.
 * @example
 * throw new RuntimeError(REUSE_ASEND); // the second `yield*` on one agen.asend(x)
 */
export const REUSE_ASEND = "cannot reuse already awaited __anext__()/asend()";
/**
 * The same for a second await of one `aclose()` or `athrow()` (see `REUSE_ASEND`).
 * @example
 * throw new RuntimeError(REUSE_ATHROW); // the second `yield*` on one agen.aclose()
 */
export const REUSE_ATHROW = "cannot reuse already awaited aclose()/athrow()";

/**
 * A one-shot awaitable over the coroutine `work`: `yield*` it once; every send or
 * throw after `work` has finished throws `RuntimeError(reuse)`.
 * @example
 * const aw = agen.asend(undefined);
 * yield* aw; // the next value
 * yield* aw; // RuntimeError: cannot reuse already awaited __anext__()/asend()
 *
 * Python: the object `agen.asend(v)` returns
 */
class AwaitOnce<T> {
  /** @internal The generator doing the work; null once it finished (state CLOSED). */
  _work: Coroutine<T> | null;
  /** @internal The RuntimeError message for a second await. */
  readonly _reuse: string;

  constructor(work: Coroutine<T>, reuse: string) {
    this._work = work;
    this._reuse = reuse;
  }

  /** Python: `send(v)`. */
  next(value?: unknown): Step<T> {
    return this._pass(false, value);
  }

  /** Python: `throw(e)`. */
  throw(error: unknown): Step<T> {
    return this._pass(true, error);
  }

  /** Python: `close()`: closes the work too; a later await throws the reuse error. */
  return(value: T): Step<T> {
    const work = this._work;
    this._work = null;
    if (work !== null) work.return(value);
    return { done: true, value } as Step<T>;
  }

  /** `yield*` asks for the iterator: it is itself, as a generator is. */
  [Symbol.iterator](): Coroutine<T> {
    return this as AwaitOnce<T> as unknown as Coroutine<T>;
  }

  /** @internal Resume the work; mark this awaitable closed when the work ends. */
  _pass(throwIn: boolean, arg: unknown): Step<T> {
    const work = this._work;
    if (work === null) throw new RuntimeError(this._reuse);
    let step: Step<T>;
    try {
      step = throwIn ? work.throw(arg) : work.next(arg);
    } catch (e) {
      this._work = null;
      throw e;
    }
    if (step.done) this._work = null;
    return step;
  }
}

// Like a generator object, an AwaitOnce inherits from %IteratorPrototype%, so it has the
// iterator helpers (`map`, `take`, ...) wherever the host has them: it is a Coroutine.
Object.setPrototypeOf(AwaitOnce.prototype, Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object);

/**
 * `work`, awaitable once: the coroutine `asend()`/`athrow()`/`aclose()` return.
 * @example
 * const aw = awaitOnce(agen._asend(undefined), REUSE_ASEND);
 *
 * Python: `async_gen_asend_new` / `async_gen_athrow_new`
 */
export function awaitOnce<T>(work: Coroutine<T>, reuse: string): Coroutine<T> {
  return new AwaitOnce(work, reuse)[Symbol.iterator]();
}
