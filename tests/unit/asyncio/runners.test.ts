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

  it("marks the refusal made with no task running (a module's top level), and only that one", async () => {
    function* noop(): asyncio.Coroutine<void> {}
    let inTask: unknown;
    function* main(): asyncio.Coroutine<void> {
      try {
        void asyncio.run(noop());
      } catch (e) {
        inTask = e;
      }
      yield* asyncio.sleep(0.01); // the loop waits on a host timer: the run is still on when the next line runs
    }
    // The first run's Promise not awaited yet: its loop runs, and no task is running now.
    const first = asyncio.run(main(), { clock: "real" });
    let outside: unknown;
    try {
      void asyncio.run(noop());
    } catch (e) {
      outside = e;
    }
    await first;
    expect((outside as { _outsideTask?: boolean })._outsideTask).toBe(true);
    expect((inTask as { _outsideTask?: boolean })._outsideTask).toBeUndefined();
    // Not one of its own properties a program would list.
    expect(Object.keys(outside as object)).toEqual([]);
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

describe("Runner", () => {
  const virtual = (): asyncio.EventLoop => asyncio.newEventLoop({ clock: "virtual" });

  it("checks its argument before it makes a loop", () => {
    let made = 0;
    const runner = new asyncio.Runner({ loopFactory: () => (made++, virtual()) });
    expect(() => runner.run(5 as never)).toThrow("a coroutine was expected, got 5");
    expect(made).toBe(0);
    runner.getLoop();
    runner.getLoop();
    expect(made).toBe(1);
  });

  it("with a loopFactory, leaves the current loop as it was, before and after close()", async () => {
    const current = virtual();
    asyncio.setEventLoop(current);
    const runner = new asyncio.Runner({ loopFactory: virtual });
    function* answer(): asyncio.Coroutine<number> {
      yield* asyncio.sleep(1);
      return 42;
    }
    expect(await runner.run(answer())).toBe(42);
    expect(asyncio.getEventLoop()).toBe(current);
    await runner.close();
    expect(asyncio.getEventLoop()).toBe(current);
    asyncio.setEventLoop(null);
    current.close();
  });

  it("clears the current loop it set when it closes", async () => {
    const runner = new asyncio.Runner({ clock: "virtual" });
    const loop = runner.getLoop();
    expect(asyncio.getEventLoop()).toBe(loop);
    await runner.close();
    // As in CPython 3.11: a current loop set to None is not replaced on request.
    expect(() => asyncio.getEventLoop()).toThrow("There is no current event loop in thread 'MainThread'.");
  });

  it("on close, reports a leftover task that fails while cancelled to the loop's exception handler", async () => {
    const runner = new asyncio.Runner({ clock: "virtual" });
    const seen: string[] = [];
    runner.getLoop().setExceptionHandler((_loop, context) => {
      seen.push(`${context.message}: ${(context.exception as Error).message}`);
    });
    function* stubborn(): asyncio.Coroutine<void> {
      try {
        yield* asyncio.sleep(10);
      } catch {
        throw new asyncio.ValueError("failed while cancelled");
      }
    }
    function* start(): asyncio.Coroutine<asyncio.Task<void>> {
      return asyncio.createTask(stubborn());
    }
    const task = await runner.run(start());
    await runner.close();
    expect(task.done() && !task.cancelled()).toBe(true);
    expect(seen).toEqual(["unhandled exception during asyncio.run() shutdown: failed while cancelled"]);
  });
});
