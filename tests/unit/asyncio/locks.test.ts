// Lock and Event (locks.ts): wake-up order, messages and cancellation paths.
// cancellation paths. Expected logs come from running the same scenarios in CPython 3.11.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import type { Coroutine } from "asyncio";
import { runVirtual } from "./helpers";

describe("Lock", () => {
  it("hands the lock over in FIFO order", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const lock = new asyncio.Lock();
      function* worker(name: string, hold: number): Coroutine<void> {
        log.push(`${name} wants ${loop.time()}`);
        yield* asyncio.asyncWith(lock, function* () {
          log.push(`${name} got ${loop.time()}`);
          yield* asyncio.sleep(hold);
        });
        log.push(`${name} released`);
      }
      yield* asyncio.gather(worker("a", 1), worker("b", 2), worker("c", 1));
    });
    expect(log).toEqual([
      "a wants 0", "a got 0", "b wants 0", "c wants 0", "a released",
      "b got 1", "b released", "c got 3", "c released",
    ]);
  });

  it("passes the wake-up on when a woken waiter is cancelled", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const lock = new asyncio.Lock();
      yield* lock.acquire();
      const t2 = asyncio.createTask(lock.acquire());
      const t3 = asyncio.createTask(lock.acquire());
      yield* asyncio.sleep(0);
      lock.release();
      t2.cancel();
      for (let i = 0; i < 2; i++) {
        yield* asyncio.sleep(0);
        log.push(`t2 cancelled=${t2.cancelled()} t3 done=${t3.done()} locked=${lock.locked()}`);
      }
      lock.release();
      try {
        lock.release();
      } catch (e) {
        log.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    });
    expect(log).toEqual([
      "t2 cancelled=true t3 done=false locked=false",
      "t2 cancelled=true t3 done=true locked=true",
      "RuntimeError: Lock is not acquired.",
    ]);
  });

  it("keeps a woken waiter's turn from a newcomer (Semaphore too)", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const lock = new asyncio.Lock();
      yield* lock.acquire();
      function* waiter(n: string): Coroutine<void> {
        yield* lock.acquire();
        log.push(`${n} got lock`);
        yield* asyncio.sleep(0);
        lock.release();
      }
      const t1 = asyncio.createTask(waiter("w1"));
      yield* asyncio.sleep(0);
      lock.release();
      log.push(`after release locked=${lock.locked()}`);
      const t2 = asyncio.createTask(waiter("newcomer"));
      yield* asyncio.gather(t1, t2);
      // The releasing task itself is a newcomer too: it queues behind the woken waiter.
      yield* lock.acquire();
      const t3 = asyncio.createTask(waiter("w3"));
      yield* asyncio.sleep(0);
      lock.release();
      yield* lock.acquire();
      log.push(`main got lock, w3 done=${t3.done()}`);
      lock.release();
      const sem = new asyncio.Semaphore(0);
      function* sw(n: string): Coroutine<void> {
        yield* sem.acquire();
        log.push(`${n} got sem`);
      }
      const s1 = asyncio.createTask(sw("s1"));
      yield* asyncio.sleep(0);
      sem.release();
      log.push(`after sem release locked=${sem.locked()}`);
      const s2 = asyncio.createTask(sw("s2"));
      yield* asyncio.sleep(0);
      log.push(`s2 done=${s2.done()}`);
      sem.release();
      yield* asyncio.gather(s1, s2);
    });
    expect(log).toEqual([
      "after release locked=false", "w1 got lock", "newcomer got lock", "w3 got lock", "main got lock, w3 done=true",
      "after sem release locked=true", "s1 got sem", "s2 done=false", "s2 got sem",
    ]);
  });

  it("is bound to the first loop that waits on it", async () => {
    const lock = new asyncio.Lock();
    await runVirtual(function* () {
      yield* lock.acquire();
      const t = asyncio.createTask(lock.acquire());
      yield* asyncio.sleep(0);
      lock.release();
      yield* t;
    });
    await expect(
      runVirtual(function* () {
        yield* lock.acquire();
      }),
    ).rejects.toThrow("<Lock [locked]> is bound to a different event loop");
  });
});

describe("Event", () => {
  it("wakes every waiter in order and returns true", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const ev = new asyncio.Event();
      function* waiter(n: number): Coroutine<void> {
        const r = yield* ev.wait();
        log.push(`ev ${n} ${r}`);
      }
      const ts = [0, 1, 2].map((i) => asyncio.createTask(waiter(i)));
      yield* asyncio.sleep(0);
      ev.set();
      ev.set();
      log.push(`isSet ${ev.isSet()}`);
      yield* asyncio.gather(...ts);
      ev.clear();
      log.push(`cleared ${ev.isSet()}`);
      log.push(`set wait ${yield* (ev.set(), ev.wait())}`);
    });
    expect(log).toEqual(["isSet true", "ev 0 true", "ev 1 true", "ev 2 true", "cleared false", "set wait true"]);
  });

  it("removes a cancelled waiter", async () => {
    await runVirtual(function* () {
      const ev = new asyncio.Event();
      const t = asyncio.createTask(ev.wait());
      yield* asyncio.sleep(0);
      expect(ev.toString()).toBe("<Event [unset, waiters:1]>");
      t.cancel();
      yield* asyncio.sleep(0);
      expect(t.cancelled()).toBe(true);
      expect(ev.toString()).toBe("<Event [unset]>");
    });
  });
});
