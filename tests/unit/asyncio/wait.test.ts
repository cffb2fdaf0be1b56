// wait, waitFor and asCompleted: return conditions, deadlines, cancellation and messages.
// The expected logs come from the same scenarios run in CPython 3.11.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import type { Coroutine, Task } from "asyncio";
import { runVirtual, jobs } from "./helpers";

const names = (s: Set<Task>): string => JSON.stringify([...s].map((t) => t.getName()).sort());

describe("wait", () => {
  it("returns [done, pending] for each returnWhen and for a timeout", async () => {
    const log: string[] = [];
    const work = jobs(log);
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const spec: [string, number][] = [["a", 3], ["b", 1], ["c", 2]];
      const ts = spec.map(([n, d]) => asyncio.createTask(work(n, d), { name: n }));
      let [done, pending] = yield* asyncio.wait(ts, { returnWhen: asyncio.FIRST_COMPLETED });
      log.push(`FC done=${names(done)} pending=${names(pending)} t=${loop.time()}`);
      [done, pending] = yield* asyncio.wait(ts, { timeout: 0.5 });
      log.push(`TO done=${names(done)} pending=${names(pending)} t=${loop.time()}`);
      [done, pending] = yield* asyncio.wait(ts);
      log.push(`ALL done=${names(done)} pending=${names(pending)} t=${loop.time()}`);
      const spec2: [string, number, boolean][] = [["d", 3, false], ["e", 1, true], ["f", 2, false]];
      const ts2 = spec2.map(([n, d, f]) => asyncio.createTask(work(n, d, f), { name: n }));
      [done, pending] = yield* asyncio.wait(ts2, { returnWhen: asyncio.FIRST_EXCEPTION });
      log.push(`FE done=${names(done)} pending=${names(pending)} t=${loop.time()}`);
      yield* asyncio.wait(pending);
    });
    expect(log).toEqual([
      "b done t=1", 'FC done=["b"] pending=["a","c"] t=1', 'TO done=["b"] pending=["a","c"] t=1.5',
      "c done t=2", "a done t=3", 'ALL done=["a","b","c"] pending=[] t=3',
      'FE done=["e"] pending=["d","f"] t=4', "f done t=5", "d done t=6",
    ]);
  });

  it("rejects bad arguments with CPython 3.11's messages", async () => {
    const errors: string[] = [];
    const work = jobs([]);
    await runVirtual(function* () {
      const t = asyncio.createTask(work("x", 1));
      const c = work("zz", 1);
      const cases: [Iterable<unknown>, object][] = [
        [[], {}], [new Set(), {}], [[t], { returnWhen: "NOPE" }], [[c], {}], [t as never, {}],
      ];
      for (const [aws, opts] of cases) {
        try {
          yield* asyncio.wait(aws as never, opts);
        } catch (e) {
          errors.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      c.return("");
      yield* t;
    });
    expect(errors).toEqual([
      "ValueError: Set of Tasks/Futures is empty.",
      "ValueError: Set of Tasks/Futures is empty.",
      "ValueError: Invalid return_when value: NOPE",
      "TypeError: Passing coroutines is forbidden, use tasks explicitly.",
      "TypeError: expect a list of futures, not Task",
    ]);
    expect([asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED]).toEqual([
      "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
    ]);
  });
});

describe("waitFor", () => {
  it("returns in time, or cancels and raises TimeoutError caused by the CancelledError", async () => {
    const log: string[] = [];
    const work = jobs(log);
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      log.push(`waitFor ${yield* asyncio.waitFor(work("g", 1), 2)} t=${loop.time()}`);
      try {
        yield* asyncio.waitFor(work("h", 5), 2);
      } catch (e) {
        const cause = (e as Error).cause as Error;
        log.push(`${(e as Error).name} cause=${cause.name} t=${loop.time()}`);
        expect(e).toBeInstanceOf(asyncio.TimeoutError);
      }
      log.push(`none ${yield* asyncio.waitFor(work("i", 1), null)}`);
      try {
        yield* asyncio.waitFor(work("j", 1), 0);
      } catch (e) {
        log.push(`zero ${(e as Error).name} cause=${((e as Error).cause as Error).name} t=${loop.time()}`);
      }
      const f = loop.createFuture<number>();
      f.setResult(7);
      log.push(`zero done ${yield* asyncio.waitFor(f, 0)}`);
      function* stubborn(): Coroutine<string> {
        try {
          yield* asyncio.sleep(5);
        } catch {
          log.push("stubborn swallowed");
          return "kept";
        }
        return "slept";
      }
      log.push(`stubborn -> ${yield* asyncio.waitFor(stubborn(), 1)} t=${loop.time()}`);
      const t = asyncio.createTask(asyncio.waitFor(work("k", 5), 3));
      yield* asyncio.sleep(1);
      t.cancel();
      try {
        yield* t;
      } catch (e) {
        log.push(`outer ${(e as Error).name} t=${loop.time()}`);
      }
    });
    expect(log).toEqual([
      "g done t=1", "waitFor g t=1", "h cancelled t=3", "TimeoutError cause=CancelledError t=3",
      "i done t=4", "none i", "zero TimeoutError cause=CancelledError t=4", "zero done 7",
      "stubborn swallowed", "stubborn -> kept t=5", "k cancelled t=6", "outer CancelledError t=6",
    ]);
  });
});

describe("asCompleted", () => {
  it("yields results in completion order, with a timeout for the rest", async () => {
    const log: string[] = [];
    const work = jobs(log);
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      for (const next of asyncio.asCompleted([work("x", 3), work("y", 1), work("z", 2)])) {
        log.push(`asCompleted ${yield* next} t=${loop.time()}`);
      }
      try {
        for (const next of asyncio.asCompleted([work("p", 1), work("q", 5)], { timeout: 2 })) {
          log.push(`ac ${yield* next} t=${loop.time()}`);
        }
      } catch (e) {
        log.push(`ac ${(e as Error).name} t=${loop.time()}`);
      }
      yield* asyncio.sleep(5);
      try {
        for (const next of asyncio.asCompleted([work("r", 1, true), work("s", 2)])) {
          log.push(`ac2 ${yield* next}`);
        }
      } catch (e) {
        log.push(`ac2 raised ${(e as Error).name}('${(e as Error).message}')`);
      }
      yield* asyncio.sleep(2);
      expect(() => [...asyncio.asCompleted(work("w", 1) as never)]).toThrow(
        new TypeError("expect an iterable of futures, not coroutine"),
      );
    });
    expect(log).toEqual([
      "y done t=1", "asCompleted y t=1", "z done t=2", "asCompleted z t=2", "x done t=3",
      "asCompleted x t=3", "p done t=4", "ac p t=4", "ac TimeoutError t=5", "q done t=8",
      "ac2 raised ValueError('r')", "s done t=12",
    ]);
  });
});
