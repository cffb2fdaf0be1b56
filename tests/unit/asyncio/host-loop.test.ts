// Running on the host (host-loop.ts): runUntilComplete, runForever, stop, errors.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";
import { virtualLoop } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
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
