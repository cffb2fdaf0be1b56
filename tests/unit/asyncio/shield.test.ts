// shield (shield.ts): the inner task survives the outer's cancellation.
// The expected logs come from the same scenarios run in CPython 3.11.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import { repr, runVirtual, startJobs as jobs } from "./helpers";

describe("shield", () => {
  it("keeps the inner task running when the awaiting task is cancelled", async () => {
    const log: string[] = [];
    const work = jobs(log);
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const inner = asyncio.createTask(work("a", 2));
      const t = asyncio.createTask(
        (function* guarded() {
          return yield* asyncio.shield(inner);
        })(),
      );
      yield* asyncio.sleep(1);
      t.cancel();
      try {
        yield* t;
      } catch {
        log.push(`guarded cancelled, inner done=${inner.done()}`);
      }
      log.push(`inner -> ${yield* inner}`);
      log.push(`shield result ${yield* asyncio.shield(work("b", 1))}`);
      try {
        yield* asyncio.shield(work("c", 1, true));
      } catch (e) {
        log.push(`shield raised ${repr(e)}`);
      }
      const inner2 = asyncio.createTask(work("d", 2));
      const s = asyncio.shield(inner2);
      yield* asyncio.sleep(1);
      inner2.cancel();
      try {
        yield* s;
      } catch {
        log.push(`inner cancelled -> outer cancelled=${s.cancelled()}`);
      }
      const f = loop.createFuture<number>();
      f.setResult(3);
      log.push(`shortcut same=${asyncio.shield(f) === f}`);
    });
    expect(log).toEqual([
      "a start", "guarded cancelled, inner done=false", "a done t=2", "inner -> a",
      "b start", "b done t=3", "shield result b", "c start", "shield raised ValueError('c')",
      "d start", "d cancelled", "inner cancelled -> outer cancelled=true", "shortcut same=true",
    ]);
  });
});
