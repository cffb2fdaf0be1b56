// run() (runners.ts): one loop per call, shutdown of tasks and async generators.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";

const run = <T>(coro: asyncio.Coroutine<T>): Promise<T> => asyncio.run(coro, { clock: "virtual" });

describe("run()", () => {
  it("cannot be called from a running event loop (throws synchronously)", async () => {
    let message = "";
    function* noop(): asyncio.Coroutine<void> {}
    function* main(): asyncio.Coroutine<void> {
      const inner = noop();
      try {
        void asyncio.run(inner);
      } catch (e) {
        message = (e as Error).message;
      }
    }
    await run(main());
    expect(message).toBe("asyncio.run() cannot be called from a running event loop");
  });

  it("rejects a non-coroutine with ValueError", () => {
    expect(() => asyncio.run(5 as never)).toThrow(asyncio.ValueError);
  });

  it("propagates the main coroutine's error after shutting down", async () => {
    function* main(): asyncio.Coroutine<void> {
      yield* asyncio.sleep(1);
      throw new asyncio.ValueError("main failed");
    }
    await expect(run(main())).rejects.toThrow("main failed");
  });
});
