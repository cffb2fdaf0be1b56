// Barrier (barriers.ts): what the conformance scenario barrier_rounds does not reach.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";

const run = <T>(coro: asyncio.Coroutine<T>): Promise<T> => asyncio.run(coro, { clock: "virtual" });

describe("Barrier", () => {
  it("compares parties with 1 as CPython does: a string is a TypeError", () => {
    expect(() => new asyncio.Barrier("3" as never)).toThrow(new TypeError("'<' not supported between instances of 'str' and 'int'"));
    expect(() => new asyncio.Barrier(-1)).toThrow(new asyncio.ValueError("parties must be > 0"));
  });

  it("a waiter cancelled while filling leaves the count, so the next arrival reuses its index (as in CPython 3.11)", async () => {
    // python3: n_waiting 2, then 1 after the cancel; gather gives [1, 1, 2].
    function* main(): asyncio.Coroutine<unknown[]> {
      const b = new asyncio.Barrier(3);
      const first = [asyncio.createTask(b.wait()), asyncio.createTask(b.wait())];
      yield* asyncio.sleep(0);
      expect(b.nWaiting).toBe(2);
      first[0].cancel();
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      expect([b.nWaiting, first[0].cancelled()]).toEqual([1, true]);
      return yield* asyncio.gather(first[1], asyncio.createTask(b.wait()), asyncio.createTask(b.wait()));
    }
    expect(await run(main())).toEqual([1, 1, 2]);
  });

  it("is a RuntimeError subclass when broken, named BrokenBarrierError", async () => {
    function* main(): asyncio.Coroutine<unknown> {
      const b = new asyncio.Barrier(2);
      yield* b.abort();
      try {
        yield* b.wait();
      } catch (e) {
        return e;
      }
    }
    const err = await run(main());
    expect(err).toBeInstanceOf(asyncio.RuntimeError);
    expect(String(err)).toBe("BrokenBarrierError: Barrier aborted");
  });
});
