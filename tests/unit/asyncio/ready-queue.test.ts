// The ready queue (ready-queue.ts), seen through the loop: FIFO order, one turn's batch.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";
import { virtualLoop } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("ready queue", () => {
  it("runs callSoon callbacks in FIFO order with their arguments", async () => {
    const loop = virtualLoop();
    const out: string[] = [];
    loop.callSoon((a: string, b: number) => out.push(`${a}${b}`), "x", 1);
    loop.callSoon(() => out.push("no args"));
    loop.callSoon((...xs: number[]) => out.push(xs.join("+")), 1, 2, 3, 4);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(out).toEqual(["x1", "no args", "1+2+3+4"]);
    loop.close();
  });

  it("runs callbacks queued during a turn on the next turn, after stop() ends the current one", async () => {
    const loop = virtualLoop();
    const out: string[] = [];
    loop.callSoon(() => {
      out.push("a");
      loop.callSoon(() => out.push("c (next turn)"));
      loop.stop();
    });
    loop.callSoon(() => out.push("b (same turn)"));
    await loop.runForever();
    expect(out).toEqual(["a", "b (same turn)"]);
    await loop.runUntilComplete(asyncio.sleep(0) as asyncio.Coroutine<undefined>);
    expect(out).toEqual(["a", "b (same turn)", "c (next turn)"]);
    loop.close();
  });

  it("runs one turn when stop() was called before runForever()", async () => {
    const loop = virtualLoop();
    const out: number[] = [];
    loop.callSoon(() => { out.push(1); loop.callSoon(() => out.push(2)); });
    loop.stop();
    await loop.runForever();
    expect(out).toEqual([1]);
    loop.close();
  });

  it("skips cancelled handles", async () => {
    const loop = virtualLoop();
    const out: number[] = [];
    const h = loop.callSoon(() => out.push(1));
    loop.callSoon(() => out.push(2));
    h.cancel();
    expect(h.cancelled()).toBe(true);
    expect(String(h)).toBe("<Handle cancelled>");
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(out).toEqual([2]);
    loop.close();
  });

  it("throws TypeError at once for a callback that is not a function", () => {
    const loop = virtualLoop();
    expect(() => loop.callSoon(3 as unknown as () => void)).toThrow(TypeError);
    expect(() => loop.callSoon(3 as unknown as () => void)).toThrow("a callable object was expected by callSoon(), got 3");
    expect(() => loop.callLater(1, "x" as unknown as () => void)).toThrow("callAt()");
    expect(() => loop.callSoon(function* () {} as unknown as () => void)).toThrow("coroutines cannot be used with callSoon()");
    loop.close();
  });

  it("prints handles like CPython's repr", () => {
    const loop = virtualLoop();
    function cb(_a: number, _b: string): void {}
    expect(String(loop.callSoon(cb, 1, "a"))).toBe("<Handle cb(1, 'a')>");
    expect(String(loop.callAt(2, cb, 1, "a"))).toBe("<TimerHandle when=2.0 cb(1, 'a')>");
    loop.close();
  });
});
