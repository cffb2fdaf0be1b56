// Condition (conditions.ts): wake-up order, messages and cancellation paths.
// cancellation paths. Expected logs come from running the same scenarios in CPython 3.11.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import type { Coroutine } from "asyncio";
import { runVirtual } from "./helpers";

describe("Condition", () => {
  it("notifies waiters in order, each re-taking the lock", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const cond = new asyncio.Condition();
      function* consumer(n: number): Coroutine<void> {
        yield* asyncio.asyncWith(cond, function* () {
          log.push(`c${n} waiting`);
          yield* cond.wait();
          log.push(`c${n} woke locked=${cond.locked()}`);
        });
      }
      const ts = [0, 1, 2].map((i) => asyncio.createTask(consumer(i)));
      yield* asyncio.sleep(0);
      yield* asyncio.asyncWith(cond, function* () {
        cond.notify();
        log.push("notified 1");
      });
      yield* asyncio.sleep(0);
      yield* asyncio.asyncWith(cond, function* () {
        cond.notifyAll();
        log.push("notified all");
      });
      yield* asyncio.gather(...ts);
    });
    expect(log).toEqual([
      "c0 waiting", "c1 waiting", "c2 waiting", "notified 1", "c0 woke locked=true",
      "notified all", "c1 woke locked=true", "c2 woke locked=true",
    ]);
  });

  it("waitFor re-checks the predicate and returns its value", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const cond = new asyncio.Condition();
      const items: number[] = [];
      const t = asyncio.createTask(
        asyncio.asyncWith(cond, function* () {
          const r = yield* cond.waitFor(() => items.length >= 2 && [...items]);
          log.push(`pred ${JSON.stringify(r)}`);
        }),
      );
      for (let i = 0; i < 3; i++) {
        yield* asyncio.sleep(1);
        yield* asyncio.asyncWith(cond, function* () {
          items.push(i);
          cond.notify();
          log.push(`appended ${i}`);
        });
      }
      yield* t;
    });
    expect(log).toEqual(["appended 0", "appended 1", "pred [0,1]", "appended 2"]);
  });

  it("needs the lock held, and re-takes it when cancelled", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const cond = new asyncio.Condition(new asyncio.Lock());
      try {
        yield* cond.wait();
      } catch (e) {
        log.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
      try {
        cond.notify();
      } catch (e) {
        log.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
      const t = asyncio.createTask(
        asyncio.asyncWith(cond, function* () {
          try {
            yield* cond.wait();
          } catch (e) {
            log.push(`cw ${(e as Error).name}, locked=${cond.locked()}`);
            throw e;
          }
        }),
      );
      yield* asyncio.sleep(0);
      yield* cond.acquire();
      t.cancel();
      yield* asyncio.sleep(0);
      log.push(`t done=${t.done()}`);
      cond.release();
      try {
        yield* t;
      } catch (e) {
        log.push(`t cancelled=${t.cancelled()} locked=${cond.locked()}`);
      }
    });
    expect(log).toEqual([
      "RuntimeError: cannot wait on un-acquired lock",
      "RuntimeError: cannot notify on un-acquired lock",
      "t done=false",
      "cw CancelledError, locked=true",
      "t cancelled=true locked=false",
    ]);
  });
});
