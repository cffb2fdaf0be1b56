import { describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";
import { MAX_TURNS_PER_CHECK } from "../../../src/asyncio/clock";

describe("sleep on the virtual clock", () => {
  it("jumps straight to each deadline and interleaves tasks as CPython does", async () => {
    const out: string[] = [];
    function* worker(name: string, delay: number): asyncio.Coroutine<string> {
      out.push(`${name} start ${asyncio.getRunningLoop().time()}`);
      yield* asyncio.sleep(delay);
      out.push(`${name} end ${asyncio.getRunningLoop().time()}`);
      return name;
    }
    function* main(): asyncio.Coroutine<string> {
      const a = asyncio.createTask(worker("a", 3600));
      const b = asyncio.createTask(worker("b", 0.5));
      return (yield* a) + (yield* b);
    }
    expect(await asyncio.run(main(), { clock: "virtual" })).toBe("ab");
    expect(out).toEqual(["a start 0", "b start 0", "b end 0.5", "a end 3600"]);
  });

  it("sleep(0) gives exactly one loop turn, and returns its result", async () => {
    const out: string[] = [];
    function* ticker(name: string): asyncio.Coroutine<void> {
      for (let i = 0; i < 3; i++) {
        out.push(`${name}${i}`);
        const r = yield* asyncio.sleep(0, i);
        expect(r).toBe(i);
      }
    }
    function* main(): asyncio.Coroutine<void> {
      const a = asyncio.createTask(ticker("a"));
      const b = asyncio.createTask(ticker("b"));
      yield* a;
      yield* b;
    }
    await asyncio.run(main(), { clock: "virtual" });
    expect(out).toEqual(["a0", "b0", "a1", "b1", "a2", "b2"]);
  });

  it("cancels its timer when the sleep is cancelled", async () => {
    function* main(): asyncio.Coroutine<number> {
      const loop = asyncio.getRunningLoop();
      const t = asyncio.createTask(asyncio.sleep(50));
      yield* asyncio.sleep(0);
      expect(loop._scheduled.filter((h) => !h.cancelled())).toHaveLength(1);
      t.cancel();
      yield* asyncio.sleep(0);
      return loop._scheduled.filter((h) => !h.cancelled()).length;
    }
    expect(await asyncio.run(main(), { clock: "virtual" })).toBe(0);
  });

  it("reports a deadlock instead of hanging", async () => {
    function* main(): asyncio.Coroutine<void> {
      yield* asyncio.getRunningLoop().createFuture(); // nothing will ever complete it
    }
    await expect(asyncio.run(main(), { clock: "virtual" })).rejects.toThrow(
      "virtual clock: deadlock (nothing ready and no timer scheduled)");
    const loop = asyncio.newEventLoop({ clock: "virtual" });
    await expect(loop.runForever()).rejects.toBeInstanceOf(asyncio.RuntimeError);
    expect(loop.isRunning()).toBe(false);
    loop.close();
  });
});

describe("sleep on the real clock", () => {
  it("wakes tasks in deadline order (ordering only, no timing asserted)", async () => {
    const out: string[] = [];
    function* worker(name: string, delay: number): asyncio.Coroutine<void> {
      yield* asyncio.sleep(delay);
      out.push(name);
    }
    function* main(): asyncio.Coroutine<void> {
      const loop = asyncio.getRunningLoop();
      const t0 = loop.time();
      const ts = [asyncio.createTask(worker("slow", 0.04)), asyncio.createTask(worker("fast", 0.02))];
      for (const t of ts) yield* t;
      expect(loop.time()).toBeGreaterThan(t0);
    }
    await asyncio.run(main(), { clock: "real" });
    expect(out).toEqual(["fast", "slow"]);
  });

  it("an idle loop wakes when host code calls callSoon", async () => {
    const loop = asyncio.newEventLoop({ clock: "real" });
    const out: string[] = [];
    setTimeout(() => loop.callSoon(() => { out.push("from the host"); loop.stop(); }), 15);
    await loop.runForever();
    expect(out).toEqual(["from the host"]);
    loop.close();
  });

  it("a timer added by host code while the loop waits on a later one runs first", async () => {
    const loop = asyncio.newEventLoop({ clock: "real" });
    const out: string[] = [];
    loop.callLater(5, () => { out.push("late"); loop.stop(); });
    setTimeout(() => loop.callLater(0.01, () => { out.push("early"); loop.stop(); }), 5);
    await loop.runForever();
    expect(out).toEqual(["early"]);
    loop.close();
  });
});

describe("handing control back to the host", () => {
  it("lets a host timer fire during a long flat-out run on the virtual clock", async () => {
    const loop = asyncio.newEventLoop({ clock: "virtual" });
    let hostTimerFiredAt = -1;
    let callbacks = 0;
    setTimeout(() => { hostTimerFiredAt = callbacks; }, 1);
    const started = performance.now();
    const chain = (): void => {
      callbacks++;
      if (performance.now() - started < 200) loop.callSoon(chain);
      else loop.stop();
    };
    loop.callSoon(chain);
    await loop.runForever();
    expect(hostTimerFiredAt).toBeGreaterThan(0); // fired while the chain was still running
    expect(hostTimerFiredAt).toBeLessThan(callbacks);
    expect(loop._hostYields).toBeGreaterThan(0);
    expect(loop.time()).toBe(0); // yielding to the host never moves the virtual clock
    loop.close();
  });

  /**
   * Runs a chain of callbacks on a fake host clock: each callback moves the clock on by
   * `costMs(turn)`, as if it worked that long. Returns the host time that ran between
   * two host yields (measured at the first callback after each yield), and how often
   * the loop read the clock.
   */
  async function runOnFakeHostClock(turns: number, costMs: (turn: number) => number) {
    let now = 0;
    const spy = vi.spyOn(performance, "now").mockImplementation(() => now);
    try {
      const loop = asyncio.newEventLoop({ clock: "virtual" });
      const gaps: { at: number; ms: number }[] = [];
      let lastYield = 0;
      let seen = 0;
      let turn = 0;
      const chain = (): void => {
        if (loop._hostYields !== seen) {
          seen = loop._hostYields;
          gaps.push({ at: turn, ms: now - lastYield });
          lastYield = now;
        }
        now += costMs(turn);
        if (++turn < turns) loop.callSoon(chain);
        else loop.stop();
      };
      loop.callSoon(chain);
      await loop.runForever();
      loop.close();
      return { gaps, reads: spy.mock.calls.length, turns: turn };
    } finally {
      spy.mockRestore();
    }
  }

  it("yields within 10 ms of host time at a steady pace, reading the clock far less than once per turn", async () => {
    const { gaps, reads, turns } = await runOnFakeHostClock(40_000, () => 0.004); // 160 ms of 4 µs turns
    expect(turns).toBe(40_000);
    expect(gaps.length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...gaps.map((g) => g.ms))).toBeLessThanOrEqual(10);
    expect(reads).toBeLessThan(turns / 20);
  });

  it("after turns suddenly get slower, is late by at most the turns between two reads, then on time again", async () => {
    // 20k turns of 4 µs, then 400 turns of 0.2 ms: the count of turns per read starts over.
    const { gaps } = await runOnFakeHostClock(20_400, (turn) => (turn < 20_000 ? 0.004 : 0.2));
    expect(Math.max(...gaps.map((g) => g.ms))).toBeLessThanOrEqual(10 + MAX_TURNS_PER_CHECK * 0.2);
    // The first yield after the slowdown may be late; every later one is on time.
    const afterSlowdown = gaps.slice(gaps.findIndex((g) => g.at > 20_000) + 1);
    expect(afterSlowdown.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...afterSlowdown.map((g) => g.ms))).toBeLessThanOrEqual(10);
  });
});

