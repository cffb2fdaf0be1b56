// The ready queue (ready-queue.ts), seen through the loop: FIFO order, one turn's batch.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";
import type { Callback, Handle } from "../../../src/asyncio/events";
import { ReadyQueue } from "../../../src/asyncio/ready-queue";
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

describe("ReadyQueue blocks", () => {
  // Entries stand in for handles and calls: the queue only moves slots around.
  const handle = (n: number): Handle => ({ n }) as unknown as Handle;
  const call = (n: number): Callback => Object.assign(() => n, { n }) as unknown as Callback;
  const label = (x: unknown): string => `${typeof x === "function" ? "c" : "h"}${(x as { n: number }).n}`;

  it("keeps FIFO order across block boundaries, with shifts in between, and reuses emptied blocks", () => {
    const q = new ReadyQueue();
    const expected: string[] = [];
    const got: string[] = [];
    let n = 0;
    // Grow through blocks of 16, 32, ... 4096 slots, taking some out as it goes; calls take two slots.
    for (let round = 0; round < 5000; round++) {
      if (round % 3 === 0) {
        q.pushCall(call(n), n);
        expected.push(`c${n}`, `arg${n}`);
      } else {
        q.push(handle(n));
        expected.push(`h${n}`);
      }
      n++;
      if (round % 4 === 0) {
        const x = q.shift();
        got.push(typeof x === "number" ? `arg${x}` : label(x));
      }
    }
    expect(q.size).toBe(expected.length - got.length);
    const rest: string[] = [];
    q.forEachFrom(3, (h) => rest.push(typeof h === "number" ? `arg${h}` : label(h)));
    expect(rest).toEqual(expected.slice(got.length + 3));
    while (q.size > 0) {
      const x = q.shift();
      got.push(typeof x === "number" ? `arg${x}` : label(x));
    }
    expect(got).toEqual(expected);
    // Empty again: it starts over in the same block, and stays FIFO.
    for (let i = 0; i < 2100; i++) q.push(handle(i));
    const again: string[] = [];
    while (q.size > 0) again.push(label(q.shift()));
    expect(again).toEqual(Array.from({ length: 2100 }, (_, i) => `h${i}`));
  });

  it("forEachFrom(size) visits nothing, also when the last block is full", () => {
    const q = new ReadyQueue();
    for (let i = 0; i < 16; i++) q.push(handle(i)); // exactly fills the first block
    const seen: string[] = [];
    q.forEachFrom(16, (h) => seen.push(label(h)));
    expect(seen).toEqual([]);
    q.forEachFrom(15, (h) => seen.push(label(h)));
    expect(seen).toEqual(["h15"]);
  });

  it("clear() drops every entry", () => {
    const q = new ReadyQueue();
    for (let i = 0; i < 3000; i++) q.push(handle(i));
    q.clear();
    expect(q.size).toBe(0);
    const seen: unknown[] = [];
    q.forEachFrom(0, (h) => seen.push(h));
    expect(seen).toEqual([]);
    q.push(handle(7));
    expect(label(q.shift())).toBe("h7");
  });

  it("runs 3000 callSoon callbacks queued in one go in order", async () => {
    const loop = virtualLoop();
    const out: number[] = [];
    for (let i = 0; i < 3000; i++) loop.callSoon((k: number) => out.push(k), i);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(out).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    loop.close();
  });
});
