// Semaphore and BoundedSemaphore (semaphores.ts): wake-up order, messages and cancellation paths.
// cancellation paths. Expected logs come from running the same scenarios in CPython 3.11.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import type { Coroutine } from "asyncio";
import { runVirtual } from "./helpers";

describe("Semaphore", () => {
  it("lets `value` tasks in at a time, in FIFO order", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const sem = new asyncio.Semaphore(2);
      function* sw(n: number): Coroutine<void> {
        yield* asyncio.asyncWith(sem, function* () {
          log.push(`sem ${n} in ${loop.time()} locked=${sem.locked()}`);
          yield* asyncio.sleep(1);
        });
      }
      yield* asyncio.gather(...[0, 1, 2, 3, 4].map(sw));
    });
    expect(log).toEqual([
      "sem 0 in 0 locked=false", "sem 1 in 0 locked=true", "sem 2 in 1 locked=true",
      "sem 3 in 1 locked=true", "sem 4 in 2 locked=false",
    ]);
  });

  it("gives the unit back when a woken waiter is cancelled", async () => {
    await runVirtual(function* () {
      const sem = new asyncio.Semaphore(1);
      yield* sem.acquire();
      const t2 = asyncio.createTask(sem.acquire());
      const t3 = asyncio.createTask(sem.acquire());
      yield* asyncio.sleep(0);
      sem.release(); // takes the unit on behalf of t2
      t2.cancel();
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      expect(t2.cancelled()).toBe(true);
      expect(t3.result()).toBe(true);
      expect(sem.locked()).toBe(true);
      sem.release();
      expect(sem.locked()).toBe(false);
    });
  });

  it("rejects bad values with CPython's messages", () => {
    expect(() => new asyncio.Semaphore(-1)).toThrow(asyncio.ValueError);
    expect(() => new asyncio.Semaphore(-1)).toThrow("Semaphore initial value must be >= 0");
    const bs = new asyncio.BoundedSemaphore(1);
    expect(() => bs.release()).toThrow("BoundedSemaphore released too many times");
    expect(bs.toString()).toBe("<BoundedSemaphore [unlocked, value:1]>");
    expect(asyncio.BoundedSemaphore.name).toBe("BoundedSemaphore");
  });
});
