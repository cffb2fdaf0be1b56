// Lock, Event, Semaphore, BoundedSemaphore and Condition: wake-up order, messages and
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
