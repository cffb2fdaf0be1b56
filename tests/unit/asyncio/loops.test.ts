// The running-loop slot and the policy functions (loops.ts).
import { afterEach, describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";
import { virtualLoop } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
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
