// timeout/timeoutAt (timeouts.ts): deadlines, nesting, uncancel bookkeeping and messages.
// and messages. The expected logs come from the same scenarios run in CPython 3.11.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import { runVirtual } from "./helpers";

const errText = (e: unknown): string => `${(e as Error).name}: ${(e as Error).message}`;

describe("timeout", () => {
  it("turns its own cancellation into TimeoutError out of the block", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const cm = asyncio.timeout(1);
      try {
        yield* asyncio.asyncWith(cm, function* (t) {
          log.push(`when=${t.when()} expired=${t.expired()} ${t}`);
          yield* asyncio.sleep(5);
        });
      } catch (e) {
        const cause = (e as Error).cause as Error;
        log.push(`${(e as Error).name} cause=${cause.name} expired=${cm.expired()} t=${loop.time()} ${cm}`);
      }
      const fast = asyncio.timeout(2);
      yield* asyncio.asyncWith(fast, function* () {
        yield* asyncio.sleep(1);
      });
      log.push(`fast expired=${fast.expired()} ${fast} t=${loop.time()}`);
      try {
        yield* asyncio.asyncWith(asyncio.timeout(null), function* (t) {
          log.push(`none when=${t.when()} ${t}`);
          t.reschedule(loop.time() + 1);
          log.push(`rescheduled when=${t.when()}`);
          try {
            yield* asyncio.sleep(3);
          } catch (e) {
            log.push(`inner sees ${(e as Error).name} t=${loop.time()} cancelling=${asyncio.currentTask()?.cancelling()}`);
            throw e;
          }
        });
      } catch (e) {
        log.push(`${(e as Error).name} t=${loop.time()} cancelling=${asyncio.currentTask()?.cancelling()}`);
      }
    });
    expect(log).toEqual([
      "when=1 expired=false <Timeout [active] when=1.0>",
      "TimeoutError cause=CancelledError expired=true t=1 <Timeout [expired]>",
      "fast expired=false <Timeout [finished]> t=2",
      "none when=null <Timeout [active] when=None>",
      "rescheduled when=3",
      "inner sees CancelledError t=3 cancelling=1",
      "TimeoutError t=3 cancelling=0",
    ]);
  });

  it("nests (the outer deadline wins), fires for past deadlines, and leaves other errors alone", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const outer = asyncio.timeout(1);
      const inner = asyncio.timeout(5);
      try {
        yield* asyncio.asyncWith(outer, function* () {
          try {
            yield* asyncio.asyncWith(inner, function* () {
              yield* asyncio.sleep(10);
            });
          } catch (e) {
            if (e instanceof asyncio.TimeoutError) log.push("inner caught (wrong)");
            throw e;
          }
        });
      } catch (e) {
        log.push(`outer ${(e as Error).name} outer=${outer.expired()} inner=${inner.expired()} t=${loop.time()}`);
      }
      try {
        yield* asyncio.asyncWith(asyncio.timeoutAt(loop.time() - 1), function* () {
          yield* asyncio.sleep(0);
          log.push("not reached");
        });
      } catch (e) {
        log.push(`past deadline ${(e as Error).name} t=${loop.time()}`);
      }
      try {
        yield* asyncio.asyncWith(asyncio.timeout(1), function* () {
          throw new asyncio.ValueError("k");
        });
      } catch (e) {
        log.push(`passes ${errText(e)}`);
      }
      const victim = asyncio.createTask(
        asyncio.asyncWith(asyncio.timeout(10), function* () {
          yield* asyncio.sleep(5);
        }),
      );
      yield* asyncio.sleep(1);
      victim.cancel();
      try {
        yield* victim;
      } catch (e) {
        log.push(`external cancel stays ${(e as Error).name} t=${loop.time()}`);
      }
    });
    expect(log).toEqual([
      "outer TimeoutError outer=true inner=false t=1",
      "past deadline TimeoutError t=1",
      "passes ValueError: k",
      "external cancel stays CancelledError t=2",
    ]);
  });

  it("raises CPython's errors for misuse", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const cm = asyncio.timeout(1);
      try {
        cm.reschedule(3);
      } catch (e) {
        log.push(errText(e));
      }
      yield* asyncio.asyncWith(cm, function* () {});
      try {
        cm.reschedule(3);
      } catch (e) {
        log.push(errText(e));
      }
      try {
        yield* asyncio.asyncWith(cm, function* () {});
      } catch (e) {
        log.push(errText(e));
      }
      try {
        yield* asyncio.asyncWith(asyncio.timeoutAt("x" as never), function* () {});
      } catch (e) {
        log.push(errText(e));
      }
      try {
        asyncio.timeout([1] as never);
      } catch (e) {
        log.push(errText(e));
      }
    });
    expect(log).toEqual([
      "RuntimeError: Timeout has not been entered",
      "RuntimeError: Cannot change state of finished Timeout",
      "RuntimeError: Timeout has already been entered",
      "TypeError: '<=' not supported between instances of 'str' and 'float'",
      "TypeError: unsupported operand type(s) for +: 'float' and 'list'",
    ]);
  });
});
