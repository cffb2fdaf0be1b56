// asyncWith, asyncFor, aiter, anext and BREAK: the protocol steps, values and CPython's
// TypeError messages.
import { describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import type { Coroutine } from "asyncio";
import { runVirtual } from "./helpers";

/** A context manager that logs its calls and can suppress errors. */
class Recorder {
  constructor(
    readonly log: string[],
    readonly suppress: boolean,
  ) {}
  *aenter(): Coroutine<string> {
    this.log.push("aenter");
    yield* asyncio.sleep(1);
    return "value";
  }
  *aexit(type: unknown, exc: unknown, tb: unknown): Coroutine<boolean> {
    const name = type === null ? "null" : (type as { name: string }).name;
    this.log.push(`aexit ${name} ${exc === null ? "null" : (exc as Error).message} tb=${typeof tb}`);
    yield* asyncio.sleep(1);
    return this.suppress;
  }
}

/** An async iterator counting down from n, awaiting between items. */
class Countdown {
  constructor(public n: number) {}
  aiter(): this {
    return this;
  }
  *anext(): Coroutine<number> {
    if (this.n <= 0) throw new asyncio.StopAsyncIteration();
    yield* asyncio.sleep(1);
    return this.n--;
  }
}

describe("asyncWith", () => {
  it("awaits aenter, runs the body with its value, awaits aexit(null, null, null)", async () => {
    const log: string[] = [];
    const result = await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      const v = yield* asyncio.asyncWith(new Recorder(log, false), function* (value) {
        log.push(`body ${value} t=${loop.time()}`);
        return 42;
      });
      log.push(`after t=${loop.time()}`);
      return v;
    });
    expect(result).toBe(42);
    expect(log).toEqual(["aenter", "body value t=1", "aexit null null tb=object", "after t=2"]);
  });

  it("passes the error to aexit, which may suppress it", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const r = yield* asyncio.asyncWith(new Recorder(log, true), function* () {
        throw new asyncio.ValueError("boom");
      });
      log.push(`suppressed, value ${String(r)}`);
      try {
        yield* asyncio.asyncWith(new Recorder(log, false), function* () {
          throw new asyncio.ValueError("again");
        });
      } catch (e) {
        log.push(`propagated ${(e as Error).message}`);
      }
    });
    expect(log).toEqual([
      "aenter", "aexit ValueError boom tb=string", "suppressed, value undefined",
      "aenter", "aexit ValueError again tb=string", "propagated again",
    ]);
  });

  it("rejects objects without the protocol as CPython does", async () => {
    const errors: string[] = [];
    await runVirtual(function* () {
      const bad: unknown[] = [1, { aenter: function* () {} }];
      for (const cm of bad) {
        try {
          yield* asyncio.asyncWith(cm as asyncio.AsyncContextManager<unknown>, function* () {});
        } catch (e) {
          errors.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    });
    expect(errors).toEqual([
      "TypeError: 'int' object does not support the asynchronous context manager protocol",
      "TypeError: 'dict' object does not support the asynchronous context manager protocol (missed aexit method)",
    ]);
  });

  it("refuses an aenter or aexit that returns no awaitable, as CPython refuses one with no __await__", async () => {
    const errors: string[] = [];
    const log: string[] = [];
    await runVirtual(function* () {
      const cms: unknown[] = [
        { aenter: () => "str", aexit: function* () {} },
        { aenter: function* () { return 1; }, aexit: () => 42 },
      ];
      for (const cm of cms) {
        try {
          yield* asyncio.asyncWith(cm as asyncio.AsyncContextManager<unknown>, function* () {
            log.push("body");
          });
        } catch (e) {
          errors.push(`${(e as Error).name}: ${(e as Error).message}`);
        }
      }
    });
    // CPython: "'async with' received an object from __aenter__ that does not implement __await__: str".
    expect(errors).toEqual([
      "TypeError: 'asyncWith' received an object from aenter that does not implement [Symbol.iterator]: str",
      "TypeError: 'asyncWith' received an object from aexit that does not implement [Symbol.iterator]: int",
    ]);
    expect(log).toEqual(["body"]); // the second one's body ran, as in CPython; its exit failed
  });
});

describe("asyncFor, aiter, anext", () => {
  it("iterates until StopAsyncIteration and stops on BREAK", async () => {
    const log: string[] = [];
    await runVirtual(function* () {
      const loop = asyncio.getRunningLoop();
      yield* asyncio.asyncFor(new Countdown(3), function* (n) {
        log.push(`${n} t=${loop.time()}`);
      });
      const cd = new Countdown(5);
      yield* asyncio.asyncFor(cd, function* (n) {
        if (n === 3) return asyncio.BREAK;
        log.push(`b${n}`);
      });
      log.push(`left at ${cd.n}`);
    });
    expect(log).toEqual(["3 t=1", "2 t=2", "1 t=3", "b5", "b4", "left at 2"]);
  });

  it("anext with a default returns it at the end; without, throws StopAsyncIteration", async () => {
    const got: unknown[] = [];
    await runVirtual(function* () {
      const END = Symbol("END");
      const it = asyncio.aiter(new Countdown(2));
      for (;;) {
        const v = yield* asyncio.anext(it, END);
        if (v === END) break;
        got.push(v);
      }
      try {
        yield* asyncio.anext(it);
      } catch (e) {
        got.push((e as Error).name);
      }
      got.push(yield* asyncio.anext(it, undefined));
    });
    expect(got).toEqual([2, 1, "StopAsyncIteration", undefined]);
  });

  it("throws CPython's TypeErrors", async () => {
    const msg = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    };
    const noAnext = { aiter: () => 5 };
    expect(msg(() => asyncio.aiter(1 as never))).toBe("'int' object is not an async iterable");
    expect(msg(() => asyncio.aiter(noAnext as never))).toBe("aiter() returned not an async iterator of type 'int'");
    expect(msg(() => asyncio.anext(1 as never))).toBe("'int' object is not an async iterator");
    const errors: string[] = [];
    await runVirtual(function* () {
      const bad = [1, noAnext, { aiter() { return this; }, anext: () => 5 }, { aiter() { return this; }, anext: () => "a string iterates, but awaits nothing" }];
      for (const b of bad) {
        try {
          yield* asyncio.asyncFor(b as never, function* () {});
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
    });
    expect(errors).toEqual([
      "'asyncFor' requires an object with aiter method, got int",
      "'asyncFor' received an object from aiter that does not implement anext: int",
      "'asyncFor' received an invalid object from anext: int",
      "'asyncFor' received an invalid object from anext: str",
    ]);
  });
});
