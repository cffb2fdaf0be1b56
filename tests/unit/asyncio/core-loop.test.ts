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

describe("runUntilComplete and runForever", () => {
  it("resolves to the coroutine's result", async () => {
    const loop = virtualLoop();
    function* main(): asyncio.Coroutine<number> {
      yield* asyncio.sleep(1);
      return 7;
    }
    await expect(loop.runUntilComplete(main())).resolves.toBe(7);
    expect(loop.time()).toBe(1);
    loop.close();
  });

  it("rejects with the coroutine's error", async () => {
    const loop = virtualLoop();
    function* main(): asyncio.Coroutine<number> {
      yield* asyncio.sleep(0);
      throw new asyncio.ValueError("boom");
    }
    await expect(loop.runUntilComplete(main())).rejects.toThrow(asyncio.ValueError);
    loop.close();
  });

  it("rejects when the loop stops before the future is done", async () => {
    const loop = virtualLoop();
    const fut = loop.createFuture();
    loop.callSoon(() => loop.stop());
    await expect(loop.runUntilComplete(fut)).rejects.toThrow("Event loop stopped before Future completed.");
    loop.close();
  });

  it("throws synchronously (not a rejected promise) on a closed loop", () => {
    const loop = virtualLoop();
    loop.close();
    expect(loop.isClosed()).toBe(true);
    expect(() => loop.runForever()).toThrow("Event loop is closed");
    expect(() => loop.runUntilComplete(loop.createFuture())).toThrow("Event loop is closed");
    expect(() => loop.callSoon(() => {})).toThrow(asyncio.RuntimeError);
    expect(() => loop.callLater(1, () => {})).toThrow("Event loop is closed");
    loop.close(); // closing twice is fine
  });

  it("throws synchronously when already running or when another loop runs", async () => {
    const loop = virtualLoop();
    const other = virtualLoop();
    const errors: string[] = [];
    loop.callSoon(() => {
      expect(loop.isRunning()).toBe(true);
      for (const f of [() => loop.runForever(), () => other.runForever(), () => loop.close()]) {
        try { f(); } catch (e) { errors.push((e as Error).message); }
      }
      loop.stop();
    });
    await loop.runForever();
    expect(errors).toEqual([
      "This event loop is already running",
      "Cannot run the event loop while another loop is running",
      "Cannot close a running event loop",
    ]);
    expect(loop.isRunning()).toBe(false);
    loop.close();
    other.close();
  });
});

describe("exception handler", () => {
  it("sends callback errors to the handler and keeps running", async () => {
    const loop = virtualLoop();
    const seen: asyncio.ExceptionContext[] = [];
    loop.setExceptionHandler((l, ctx) => { expect(l).toBe(loop); seen.push(ctx); });
    const out: string[] = [];
    function boom(x: number): void { throw new asyncio.ValueError(`bad ${x}`); }
    const h = loop.callSoon(boom, 1);
    loop.callSoon(() => { out.push("still running"); loop.stop(); });
    await loop.runForever();
    expect(out).toEqual(["still running"]);
    expect(seen).toHaveLength(1);
    expect(seen[0].message).toBe("Exception in callback boom(1)");
    expect(seen[0].exception).toBeInstanceOf(asyncio.ValueError);
    expect(seen[0].handle).toBe(h);
    expect(loop.getExceptionHandler()).not.toBeNull();
    loop.close();
  });

  it("writes CPython-like text with the default handler", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const loop = virtualLoop();
    function boom(): void { throw new Error("kaput"); }
    loop.callSoon(boom);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(spy).toHaveBeenCalledTimes(1);
    const text = String(spy.mock.calls[0][0]);
    expect(text.split("\n")[0]).toBe("Exception in callback boom()");
    expect(text).toContain("handle: <Handle boom()>");
    expect(text).toContain("Error: kaput");
    loop.close();
  });

  it("falls back to the default handler when the custom handler throws", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const loop = virtualLoop();
    loop.setExceptionHandler(() => { throw new Error("handler broke"); });
    loop.callExceptionHandler({ message: "first" });
    expect(String(spy.mock.calls[0][0])).toMatch(/^Unhandled error in exception handler/);
    expect(() => loop.setExceptionHandler(5 as unknown as null)).toThrow("A callable object or None is expected, got 5");
    loop.close();
  });
});

describe("event loop policy functions", () => {
  it("getRunningLoop throws outside a running loop and returns it inside", async () => {
    expect(() => asyncio.getRunningLoop()).toThrow("no running event loop");
    const loop = virtualLoop();
    let inside: asyncio.EventLoop | null = null;
    loop.callSoon(() => { inside = asyncio.getRunningLoop(); loop.stop(); });
    await loop.runForever();
    expect(inside).toBe(loop);
    loop.close();
  });

  it("getEventLoop returns the set loop, and fails after setEventLoop(null)", () => {
    const loop = virtualLoop();
    asyncio.setEventLoop(loop);
    expect(asyncio.getEventLoop()).toBe(loop);
    asyncio.setEventLoop(null);
    expect(() => asyncio.getEventLoop()).toThrow("There is no current event loop in thread 'MainThread'.");
    loop.close();
  });

  it("configure() sets defaults for later loops; explicit options win", () => {
    asyncio.configure({ clock: "virtual" });
    try {
      expect(asyncio.newEventLoop().time()).toBe(0);
      const real = asyncio.newEventLoop({ clock: "real" });
      expect(real.time()).toBeGreaterThan(0);
      expect(() => asyncio.configure({ clock: "fast" as "real" })).toThrow(TypeError);
    } finally {
      asyncio.configure({ clock: "real" });
    }
  });
});
