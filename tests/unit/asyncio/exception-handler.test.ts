// The exception handler (exception-handler.ts): custom, default, and errors inside them.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";
import { virtualLoop } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
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
