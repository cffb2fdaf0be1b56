// Queue, LifoQueue and PriorityQueue: order of items and of blocked getters/putters,
// join()/taskDone(), errors. Expected logs come from the same scenarios in CPython 3.11.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import type { Coroutine } from "asyncio";
import { runVirtual } from "./helpers";

describe("Queue", () => {
  it("blocks putters on a full queue and getters on an empty one, in order", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const q = new asyncio.Queue<number>(2);
      function* consumer(name: string): Coroutine<void> {
        for (;;) {
          const item = yield* q.get();
          log.push(`${name} got ${item} t=${loop.time()}`);
          yield* asyncio.sleep(1);
          q.taskDone();
        }
      }
      const cs = ["x", "y"].map((n) => asyncio.createTask(consumer(n)));
      for (let i = 0; i < 5; i++) {
        yield* q.put(i);
        log.push(`put ${i} t=${loop.time()} size=${q.qsize()}`);
      }
      yield* q.join();
      log.push(`joined t=${loop.time()}`);
      for (const c of cs) c.cancel();
    });
    expect(log).toEqual([
      "put 0 t=0 size=1", "put 1 t=0 size=2", "x got 0 t=0", "y got 1 t=0",
      "put 2 t=0 size=1", "put 3 t=0 size=2", "x got 2 t=1", "y got 3 t=1",
      "put 4 t=1 size=1", "x got 4 t=2", "joined t=3",
    ]);
  });

  it("raises QueueFull, QueueEmpty and ValueError as CPython does", async () => {
    await runVirtual(function* () {
      const q = new asyncio.Queue<number>(2);
      expect(() => q.taskDone()).toThrow(asyncio.ValueError);
      expect(() => q.taskDone()).toThrow("taskDone() called too many times");
      expect(() => q.getNowait()).toThrow(asyncio.QueueEmpty);
      q.putNowait(1);
      q.putNowait(2);
      expect([q.full(), q.empty(), q.maxsize, q.qsize()]).toEqual([true, false, 2, 2]);
      expect(() => q.putNowait(3)).toThrow(asyncio.QueueFull);
      expect(new asyncio.Queue().full()).toBe(false);
      expect(q.toString()).toBe("<Queue maxsize=2 _queue=[1, 2] tasks=2>");
      yield* asyncio.sleep(0);
    });
  });

  it("hands an item to the next getter when the woken one is cancelled", async () => {
    await runVirtual(function* () {
      const q = new asyncio.Queue<string>();
      const g1 = asyncio.createTask(q.get());
      const g2 = asyncio.createTask(q.get());
      yield* asyncio.sleep(0);
      q.putNowait("item");
      g1.cancel();
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      expect(g1.cancelled()).toBe(true);
      expect(g2.result()).toBe("item");
    });
  });

  it("hands a free slot to the next putter when the woken one is cancelled", async () => {
    await runVirtual(function* () {
      const q = new asyncio.Queue<string>(1);
      q.putNowait("first");
      const p1 = asyncio.createTask(q.put("p1"));
      const p2 = asyncio.createTask(q.put("p2"));
      yield* asyncio.sleep(0);
      expect(q.getNowait()).toBe("first");
      p1.cancel();
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(0);
      expect(p1.cancelled()).toBe(true);
      expect(p2.done()).toBe(true);
      expect(q.getNowait()).toBe("p2");
    });
  });
});

describe("LifoQueue and PriorityQueue", () => {
  it("LifoQueue returns the newest item first", () => {
    const q = new asyncio.LifoQueue<number>();
    for (const i of [0, 1, 2]) q.putNowait(i);
    expect([q.getNowait(), q.getNowait(), q.getNowait()]).toEqual([2, 1, 0]);
  });

  it("PriorityQueue orders like Python's heapq on tuples", () => {
    const pq = new asyncio.PriorityQueue<[number, string]>();
    const items: [number, string][] = [[3, "c"], [1, "a"], [2, "b"], [1, "A"], [0, "z"]];
    for (const it of items) pq.putNowait(it);
    const out = [0, 1, 2, 3, 4].map(() => pq.getNowait());
    expect(out).toEqual([[0, "z"], [1, "A"], [1, "a"], [2, "b"], [3, "c"]]);
  });

  it("PriorityQueue rejects items Python could not compare", () => {
    const pq = new asyncio.PriorityQueue<[number, object]>();
    pq.putNowait([1, { a: 1 }]);
    expect(() => pq.putNowait([1, { b: 2 }])).toThrow(
      new TypeError("'<' not supported between instances of 'dict' and 'dict'"),
    );
  });

  it("keeps the Python names", () => {
    expect([asyncio.Queue.name, asyncio.LifoQueue.name, asyncio.PriorityQueue.name]).toEqual([
      "Queue", "LifoQueue", "PriorityQueue",
    ]);
    expect(new asyncio.LifoQueue(3).toString()).toBe("<LifoQueue maxsize=3>");
  });
});
