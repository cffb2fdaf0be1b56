/**
 * Barriers: a fixed number of tasks meet at one point. Each `wait()` blocks until the
 * last of the `parties` arrives; then all of them go on together, and the barrier can be
 * used again. It is built on one `Condition`: every change of state is a `notifyAll()`.
 *
 * A barrier is in one of four states. Filling: tasks are arriving. Draining: the last one
 * arrived and the others are leaving `wait()`; newcomers wait until they are all out.
 * Resetting: `reset()` was called while tasks waited; they leave with BrokenBarrierError.
 * Broken: `abort()` was called; every `wait()`, now or later, raises BrokenBarrierError.
 *
 * Python: asyncio/locks.py (Barrier), new in 3.11
 */
import type { Coroutine } from "./coroutines";
import { BrokenBarrierError, ValueError } from "./exceptions";
import { Condition } from "./conditions";
import { LoopBound } from "./mixins";
import { _pyNumber } from "./py-compare";

type BarrierState = "filling" | "draining" | "resetting" | "broken";

/**
 * A barrier for `parties` tasks: `wait()` returns each task a different index, from 0 to
 * `parties - 1`, once all of them are waiting. Throws `ValueError("parties must be > 0")`
 * for fewer than one party. `asyncWith(barrier, ...)` waits on entry; the block's value
 * is the index.
 * @example
 * const barrier = new asyncio.Barrier(3);
 * function* worker(name: string): asyncio.Coroutine<void> {
 *   const index = yield* barrier.wait(); // all three go on together
 *   console.log(name, "passed as", index);
 * }
 * Python: asyncio.Barrier(parties)
 */
export class Barrier extends LoopBound {
  /** @internal Notifies every waiting task when the state changes. */
  _cond = new Condition();
  /** @internal */
  _parties: number;
  /** @internal */
  _state: BarrierState = "filling";
  /** @internal Tasks inside `wait()`: arriving, or leaving while the barrier drains. */
  _count = 0;

  constructor(parties: number) {
    super();
    parties = _pyNumber(parties, "<", "int");
    if (parties < 1) throw new ValueError("parties must be > 0");
    this._parties = parties;
  }

  /**
   * Wait until `parties` tasks are waiting, then return this task's index (the last to
   * arrive gets `parties - 1` and releases the others). Throws BrokenBarrierError if the
   * barrier is aborted or reset meanwhile, or was aborted before.
   * @example
   * const index = yield* barrier.wait();
   * Python: await barrier.wait()
   */
  *wait(): Coroutine<number> {
    yield* this._cond.acquire();
    try {
      yield* this._block(); // while it drains or resets
      const index = this._count;
      this._count += 1;
      try {
        if (index + 1 === this._parties) this._release();
        else yield* this._wait();
        return index;
      } finally {
        this._count -= 1;
        this._exit(); // the last one out lets newcomers in
      }
    } finally {
      this._cond.release();
    }
  }

  /**
   * `asyncWith(barrier, ...)`: wait at the barrier on entry; the block gets the index.
   * @example
   * yield* asyncio.asyncWith(barrier, function* (index) { console.log(index); });
   * Python: async with barrier as index:
   */
  *aenter(): Coroutine<number> {
    return yield* this.wait();
  }

  /**
   * Leaving the block does nothing; an error in it goes on.
   * @example
   * yield* barrier.aexit(null, null, null); // nothing happens
   * Python: Barrier.__aexit__
   */
  *aexit(_type: unknown, _exc: unknown, _tb: unknown): Coroutine<void> {}

  /**
   * Back to the start, empty: tasks waiting now get BrokenBarrierError.
   * @example
   * yield* barrier.reset();
   * Python: await barrier.reset()
   */
  *reset(): Coroutine<void> {
    yield* this._cond.acquire();
    try {
      // Tasks inside wait() leave it with the error; an empty barrier is simply filling again.
      this._state = this._count > 0 ? "resetting" : "filling";
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /**
   * Break the barrier: tasks waiting now, and every later `wait()`, get BrokenBarrierError.
   * @example
   * yield* barrier.abort(); // e.g. when one party failed
   * Python: await barrier.abort()
   */
  *abort(): Coroutine<void> {
    yield* this._cond.acquire();
    try {
      this._state = "broken";
      this._cond.notifyAll();
    } finally {
      this._cond.release();
    }
  }

  /**
   * How many tasks it takes to pass.
   * @example
   * new asyncio.Barrier(3).parties; // 3
   * Python: barrier.parties
   */
  get parties(): number {
    return this._parties;
  }

  /**
   * How many tasks are waiting for the others (0 while it drains, resets or is broken).
   * @example
   * barrier.nWaiting; // 2 of 3 arrived
   * Python: barrier.n_waiting
   */
  get nWaiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  /**
   * True once `abort()` broke it.
   * @example
   * barrier.broken; // false
   * Python: barrier.broken
   */
  get broken(): boolean {
    return this._state === "broken";
  }

  /** Like CPython's repr: `<Barrier [filling, waiters:2/3]>`. */
  override toString(): string {
    const extra = this.broken ? this._state : `${this._state}, waiters:${this.nWaiting}/${this._parties}`;
    return `<Barrier [${extra}]>`;
  }

  /** @internal Wait while the barrier drains or resets; throw if it is broken. */
  *_block(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== "draining" && this._state !== "resetting");
    if (this._state === "broken") throw new BrokenBarrierError("Barrier aborted");
  }

  /** @internal The last party arrived: drain, waking the others. */
  _release(): void {
    this._state = "draining";
    this._cond.notifyAll();
  }

  /** @internal Wait for the last party; throw if the barrier is reset or aborted meanwhile. */
  *_wait(): Coroutine<void> {
    yield* this._cond.waitFor(() => this._state !== "filling");
    if (this._state === "broken" || this._state === "resetting") {
      throw new BrokenBarrierError("Abort or reset of barrier");
    }
  }

  /** @internal The last task out of `wait()` ends draining or resetting, and wakes newcomers. */
  _exit(): void {
    if (this._count === 0) {
      if (this._state === "resetting" || this._state === "draining") this._state = "filling";
      this._cond.notifyAll();
    }
  }
}
Object.defineProperty(Barrier, "name", { value: "Barrier" });
