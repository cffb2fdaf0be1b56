// The timer heap (heap.ts), seen through the loop: deadline order, ties, cancelled timers.
import { afterEach, describe, expect, it, vi } from "vitest";
import { virtualLoop } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("timer heap", () => {
  it("orders timers with equal deadlines exactly as CPython 3.11's heapq does", async () => {
    const loop = virtualLoop();
    const out: number[] = [];
    [1, 1, 1, 1, 1, 0.5, 1, 2, 1, 1].forEach((when, i) => loop.callAt(when, () => out.push(i)));
    loop.callAt(3, () => loop.stop());
    await loop.runForever();
    // Printed by CPython 3.11.7 for the same calls (tests/harness/run_virtual.py).
    expect(out).toEqual([5, 0, 6, 2, 9, 8, 1, 4, 3, 7]);
    loop.close();
  });

  it("skips cancelled timers and keeps the tie order of the rest", async () => {
    const loop = virtualLoop();
    const out: number[] = [];
    const hs = [0, 1, 2, 3, 4, 5].map((i) => loop.callLater(1, () => out.push(100 + i)));
    hs[2].cancel();
    hs[0].cancel();
    loop.callLater(2, () => loop.stop());
    await loop.runForever();
    // CPython 3.11.7 prints [105, 101, 103, 104] for the same calls.
    expect(out).toEqual([105, 101, 103, 104]);
    loop.close();
  });

  it("sweeps cancelled timers out of the heap when more than half of over 100 are cancelled", async () => {
    const loop = virtualLoop();
    const hs = Array.from({ length: 200 }, (_, i) => loop.callLater(10 + i, () => {}));
    for (let i = 0; i < 150; i++) hs[i].cancel();
    expect(loop._scheduled.length).toBe(200);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(loop._scheduled.length).toBe(50);
    expect(hs[0]._scheduled).toBe(false);
    expect(hs[199]._scheduled).toBe(true);
    loop.close();
  });

  it("advances the virtual clock by exactly the select timeout", async () => {
    const loop = virtualLoop();
    const times: number[] = [];
    const step = (): void => {
      times.push(loop.time());
      if (times.length < 4) loop.callLater(0.1, step);
      else loop.stop();
    };
    loop.callSoon(step);
    await loop.runForever();
    let t = 0;
    const expected = [0];
    for (let i = 0; i < 3; i++) expected.push((t = Math.min(Math.max(0, t + 0.1 - t), 86400) + t));
    expect(times).toEqual(expected);
    expect(times[3]).toBe(0.30000000000000004);
    loop.close();
  });

  it("waits at most a day per turn", async () => {
    const loop = virtualLoop();
    let fired = -1;
    loop.callLater(3 * 86400 + 5, () => { fired = loop.time(); loop.stop(); });
    const turns: number[] = [];
    const probe = (): void => { turns.push(loop.time()); };
    loop.callSoon(probe);
    await loop.runForever();
    expect(fired).toBe(3 * 86400 + 5);
    expect(loop._iteration).toBe(5); // probe turn, three one-day waits, then the timer's turn
    loop.close();
  });
});
