// Task (tasks.ts): start, names, cancellation, bad yields, ensureFuture.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";

const run = <T>(coro: asyncio.Coroutine<T>): Promise<T> => asyncio.run(coro, { clock: "virtual" });

describe("task start and names", () => {
  it("starts lazily: the first step runs on a later loop turn", async () => {
    const out: string[] = [];
    function* child(): asyncio.Coroutine<void> {
      out.push("child runs");
    }
    function* main(): asyncio.Coroutine<void> {
      const t = asyncio.createTask(child());
      out.push("task created");
      yield* t;
      out.push("awaited");
    }
    await run(main());
    expect(out).toEqual(["task created", "child runs", "awaited"]);
  });

  it("names tasks Task-N from one global counter; createTask's name replaces a drawn one", async () => {
    const names: string[] = [];
    function* noop(): asyncio.Coroutine<void> {}
    function* main(): asyncio.Coroutine<void> {
      const loop = asyncio.getRunningLoop();
      names.push(asyncio.currentTask()!.getName());
      names.push(asyncio.createTask(noop()).getName());
      names.push(asyncio.createTask(noop(), { name: "named" }).getName());
      names.push(loop.createTask(noop(), { name: "direct" }).getName());
      names.push(asyncio.createTask(noop()).getName());
      yield* asyncio.sleep(0);
    }
    await run(main());
    const n = Number(names[0].slice("Task-".length));
    // asyncio.create_task(coro, name=...) draws a number first in 3.11; loop.create_task does not.
    expect(names).toEqual([`Task-${n}`, `Task-${n + 1}`, "named", "direct", `Task-${n + 3}`]);
  });

  it("getCoro, setName, currentTask and allTasks", async () => {
    function* sleeper(): asyncio.Coroutine<void> {
      yield* asyncio.sleep(1);
    }
    function* main(): asyncio.Coroutine<number> {
      const coro = sleeper();
      const t = asyncio.createTask(coro);
      expect(t.getCoro()).toBe(coro);
      t.setName(42);
      expect(t.getName()).toBe("42");
      const all = asyncio.allTasks();
      expect(all.has(t)).toBe(true);
      expect(all.has(asyncio.currentTask()!)).toBe(true);
      yield* t;
      expect(asyncio.allTasks().has(t)).toBe(false);
      return all.size;
    }
    expect(await run(main())).toBe(2);
  });

  it("needs a running loop for createTask", () => {
    function* noop(): asyncio.Coroutine<void> {}
    const coro = noop();
    expect(() => asyncio.createTask(coro)).toThrow("no running event loop");
    expect(() => asyncio.currentTask()).toThrow("no running event loop");
  });

  it("refuses setResult and setException on a task", async () => {
    function* main(): asyncio.Coroutine<string[]> {
      const t = asyncio.currentTask()!;
      const msgs: string[] = [];
      for (const f of [() => t.setResult(1), () => t.setException(new Error())]) {
        try { f(); } catch (e) { msgs.push((e as Error).message); }
      }
      return msgs;
    }
    expect(await run(main())).toEqual([
      "Task does not support set_result operation",
      "Task does not support set_exception operation",
    ]);
  });
});

describe("cancellation", () => {
  it("throws CancelledError at the current yield*, so finally blocks run", async () => {
    const out: string[] = [];
    function* worker(): asyncio.Coroutine<void> {
      try {
        out.push("sleeping");
        yield* asyncio.sleep(10);
        out.push("never");
      } finally {
        out.push("cleanup");
      }
    }
    function* main(): asyncio.Coroutine<void> {
      const t = asyncio.createTask(worker());
      yield* asyncio.sleep(1);
      expect(t.cancel("stop it")).toBe(true);
      expect(t.cancelling()).toBe(1);
      expect(String(t)).toMatch(/^<Task cancelling name='Task-\d+' coro=<coroutine\(\) running> wait_for=<Future cancelled>>$/);
      try {
        yield* t;
      } catch (e) {
        out.push(`caught ${(e as Error).name}: ${(e as Error).message}`);
      }
      expect(t.cancelled()).toBe(true);
      expect(t.cancel()).toBe(false);
      expect(asyncio.getRunningLoop().time()).toBe(1);
    }
    await run(main());
    expect(out).toEqual(["sleeping", "cleanup", "caught CancelledError: stop it"]);
  });

  it("cancelling before the first step cancels without running the coroutine body", async () => {
    const out: string[] = [];
    function* worker(): asyncio.Coroutine<void> {
      out.push("body ran");
    }
    function* main(): asyncio.Coroutine<void> {
      const t = asyncio.createTask(worker());
      t.cancel();
      try { yield* t; } catch (e) { out.push((e as Error).name); }
    }
    await run(main());
    expect(out).toEqual(["CancelledError"]);
  });

  it("lets a coroutine refuse the cancellation, and uncancel() counts down", async () => {
    function* stubborn(): asyncio.Coroutine<string> {
      try {
        yield* asyncio.sleep(10);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
      }
      return "kept going";
    }
    function* main(): asyncio.Coroutine<[string, number, number, boolean]> {
      const t = asyncio.createTask(stubborn());
      yield* asyncio.sleep(0);
      t.cancel();
      const r = yield* t;
      return [r, t.cancelling(), t.uncancel(), t.cancelled()];
    }
    expect(await run(main())).toEqual(["kept going", 1, 0, false]);
  });

  it("run() cancels leftover tasks and runs their finally blocks before closing", async () => {
    const out: string[] = [];
    let loop: asyncio.EventLoop | null = null;
    function* leftover(): asyncio.Coroutine<void> {
      try {
        yield* asyncio.sleep(100);
      } finally {
        out.push("leftover cleaned up");
      }
    }
    function* main(): asyncio.Coroutine<string> {
      loop = asyncio.getRunningLoop();
      asyncio.createTask(leftover());
      yield* asyncio.sleep(0);
      return "main done";
    }
    expect(await run(main())).toBe("main done");
    expect(out).toEqual(["leftover cleaned up"]);
    expect(loop!.isClosed()).toBe(true);
  });
});

describe("bad yields (answered with CPython's RuntimeError, thrown into the coroutine)", () => {
  function* expectRuntimeError(value: unknown): asyncio.Coroutine<string> {
    try {
      yield value as asyncio.Suspension; // a wrong yield on purpose: the types forbid it
    } catch (e) {
      expect(e).toBeInstanceOf(asyncio.RuntimeError);
      return (e as Error).message;
    }
    return "no error";
  }

  it("a plain `yield fut`", async () => {
    function* main(): asyncio.Coroutine<string> {
      const fut = asyncio.getRunningLoop().createFuture();
      fut.setResult(5);
      return yield* expectRuntimeError(fut);
    }
    const msg = await run(main());
    expect(msg).toMatch(/^yield was used instead of yield from in task <Task pending name='Task-\d+' coro=<coroutine\(\) running> cb=\[_runUntilCompleteCb\(\)\]> with <Future finished result=5>$/);
  });

  it("any other value", async () => {
    function* main(): asyncio.Coroutine<string[]> {
      return [yield* expectRuntimeError(42), yield* expectRuntimeError("s"), yield* expectRuntimeError(null)];
    }
    expect(await run(main())).toEqual(["Task got bad yield: 42", "Task got bad yield: 's'", "Task got bad yield: None"]);
  });

  it("a generator", async () => {
    function* gen(): Generator<number> { yield 1; }
    function* main(): asyncio.Coroutine<string> {
      return yield* expectRuntimeError(gen());
    }
    expect(await run(main())).toMatch(/^yield was used instead of yield from for generator in task <Task pending .*> with <generator object coroutine>$/);
  });

  it("another loop's future", async () => {
    const other = asyncio.newEventLoop({ clock: "virtual" });
    function* main(): asyncio.Coroutine<string> {
      return yield* other.createFuture<string>();
    }
    await expect(run(main())).rejects.toThrow(/^Task <Task pending name='Task-\d+' .*> got Future <Future pending> attached to a different loop$/);
    other.close();
  });

  it("a task awaiting itself", async () => {
    function* main(): asyncio.Coroutine<unknown> {
      return yield* asyncio.currentTask()!;
    }
    await expect(run(main())).rejects.toThrow(/^Task cannot await on itself: <Task pending/);
  });
});

describe("ensureFuture", () => {
  it("rejects non-awaitables, arrays, strings, Maps and Sets with CPython's TypeError", () => {
    const loop = asyncio.newEventLoop({ clock: "virtual" });
    for (const bad of [1, "abc", [1, 2], new Map(), new Set(), null, { a: 1 }, [1, 2].values()]) {
      expect(() => asyncio.ensureFuture(bad as never, loop)).toThrow(
        new TypeError("An asyncio.Future, a coroutine or an awaitable is required"));
    }
    loop.close();
  });

  it("returns futures as they are and wraps coroutines and custom awaitables in tasks", async () => {
    const loop = asyncio.newEventLoop({ clock: "virtual" });
    const fut = loop.createFuture<number>();
    expect(asyncio.ensureFuture(fut, loop)).toBe(fut);
    const other = asyncio.newEventLoop({ clock: "virtual" });
    expect(() => asyncio.ensureFuture(fut, other)).toThrow(asyncio.ValueError);
    other.close();
    const awaitable = {
      *[Symbol.iterator](): asyncio.Coroutine<string> {
        yield* asyncio.sleep(2);
        return "custom";
      },
    };
    const wrapped = asyncio.ensureFuture(awaitable, loop);
    expect(wrapped).toBeInstanceOf(asyncio.Task);
    expect(await loop.runUntilComplete(wrapped)).toBe("custom");
    expect(loop.time()).toBe(2);
    loop.close();
  });
});
