// gather (gather.ts): result order, first error, cancellation both ways, duplicates.
// The expected logs come from the same scenarios run in CPython 3.11.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import { repr, runVirtual, startJobs as jobs } from "./helpers";

describe("gather", () => {
  it("returns results in argument order; the first error propagates while others run", async () => {
    const log: string[] = [];
    const work = jobs(log);
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const r = yield* asyncio.gather(work("a", 2), work("b", 1), work("c", 3));
      log.push(`results ${repr(r)}`);
      try {
        yield* asyncio.gather(work("d", 1, true), work("e", 2));
      } catch (e) {
        log.push(`gather raised ${repr(e)} t=${loop.time()}`);
      }
      yield* asyncio.sleep(2);
      const r2 = yield* asyncio.gather(work("f", 1, true), work("g", 2), { returnExceptions: true });
      log.push(`results [${r2.map(repr).join(", ")}]`);
    });
    expect(log).toEqual([
      "a start", "b start", "c start", "b done t=1", "a done t=2", "c done t=3",
      'results ["a","b","c"]', "d start", "e start", "gather raised ValueError('d') t=4",
      "e done t=5", "f start", "g start", "g done t=8", "results [ValueError('f'), \"g\"]",
    ]);
  });

  it("cancels children when cancelled; a cancelled child raises CancelledError out", async () => {
    const log: string[] = [];
    const work = jobs(log);
    await runVirtual(function* () {
      const g = asyncio.gather(work("h", 5), work("i", 5));
      yield* asyncio.sleep(1);
      log.push(`cancel -> ${g.cancel()}`);
      try {
        yield* g;
      } catch (e) {
        log.push(`outer ${(e as Error).name} cancelled()=${g.cancelled()}`);
      }
      const t = asyncio.createTask(work("j", 5));
      const g2 = asyncio.gather(t, work("k", 2));
      yield* asyncio.sleep(1);
      t.cancel("bye");
      try {
        yield* g2;
      } catch (e) {
        log.push(`child cancelled -> ${repr(e)} cancelled()=${g2.cancelled()}`);
      }
      yield* asyncio.sleep(2);
      const t2 = asyncio.createTask(work("l", 5));
      const g3 = asyncio.gather(t2, work("m", 1), { returnExceptions: true });
      yield* asyncio.sleep(0);
      t2.cancel("msg");
      const r = yield* g3;
      log.push(`rexc [${r.map(repr).join(", ")}]`);
      const g4 = asyncio.gather(work("o", 5), { returnExceptions: true });
      yield* asyncio.sleep(0);
      g4.cancel();
      try {
        yield* g4;
      } catch (e) {
        log.push(`rexc gather ${(e as Error).name}`);
      }
    });
    expect(log).toEqual([
      "h start", "i start", "cancel -> true", "h cancelled", "i cancelled",
      "outer CancelledError cancelled()=false", "j start", "k start", "j cancelled",
      "child cancelled -> CancelledError('bye') cancelled()=false", "k done t=3",
      "l start", "m start", "l cancelled", "m done t=5", "rexc [CancelledError(''), \"m\"]",
      "o start", "o cancelled", "rexc gather CancelledError",
    ]);
  });

  it("runs a repeated awaitable once; gather() is a done future with []", async () => {
    const log: string[] = [];
    const work = jobs(log);
    await runVirtual(function* () {
      const c = work("n", 1);
      const r = yield* asyncio.gather(c, c);
      log.push(`dup ${repr(r)}`);
      const g = asyncio.gather();
      log.push(`empty done=${g.done()} ${repr(g.result())}`);
    });
    expect(log).toEqual(["n start", "n done t=1", 'dup ["n","n"]', "empty done=true []"]);
  });

  it("rejects non-awaitables and unknown options", async () => {
    await runVirtual(function* () {
      expect(() => asyncio.gather([1] as never)).toThrow(
        new TypeError("An asyncio.Future, a coroutine or an awaitable is required"),
      );
      expect(() => asyncio.gather(asyncio.sleep(0), { returnExeptions: true } as never)).toThrow(
        new TypeError("gather() got an unexpected keyword argument 'returnExeptions'"),
      );
      yield* asyncio.sleep(0);
    });
  });
});
