import { afterEach, describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";
import { virtualLoop } from "./helpers";

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return "no error";
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Future state and messages (CPython 3.11's C accelerator wording)", () => {
  it("raises InvalidStateError while pending", () => {
    const loop = virtualLoop();
    const fut = loop.createFuture();
    expect(messageOf(() => fut.result())).toBe("InvalidStateError: Result is not set.");
    expect(messageOf(() => fut.exception())).toBe("InvalidStateError: Exception is not set.");
    expect(fut.done()).toBe(false);
    expect(fut.getLoop()).toBe(loop);
    loop.close();
  });

  it("refuses a second outcome with 'invalid state'", () => {
    const loop = virtualLoop();
    const fut = loop.createFuture<number>();
    fut.setResult(3);
    expect(fut.result()).toBe(3);
    expect(fut.exception()).toBeNull();
    expect(messageOf(() => fut.setResult(4))).toBe("InvalidStateError: invalid state");
    expect(messageOf(() => fut.setException(new Error("x")))).toBe("InvalidStateError: invalid state");
    expect(fut.cancel()).toBe(false);
    loop.close();
  });

  it("instantiates an error class given to setException and rethrows it from result()", () => {
    const loop = virtualLoop();
    const fut = loop.createFuture();
    fut.setException(asyncio.ValueError);
    expect(fut.exception()).toBeInstanceOf(asyncio.ValueError);
    expect(() => fut.result()).toThrow(asyncio.ValueError);
    expect(() => loop.createFuture().setException(null)).toThrow("invalid exception object");
    loop.close();
  });

  it("cancel(msg) makes result() raise CancelledError with the message", () => {
    const loop = virtualLoop();
    const fut = loop.createFuture();
    expect(fut.cancel("why")).toBe(true);
    expect(fut.cancelled()).toBe(true);
    expect(fut.done()).toBe(true);
    expect(messageOf(() => fut.result())).toBe("CancelledError: why");
    expect(messageOf(() => fut.exception())).toBe("CancelledError: why");
    expect(fut.cancel()).toBe(false);
    loop.close();
  });

  it("prints like CPython's repr", () => {
    const loop = virtualLoop();
    const a = loop.createFuture();
    expect(String(a)).toBe("<Future pending>");
    function print(): void {}
    a.addDoneCallback(print);
    expect(String(a)).toBe("<Future pending cb=[print()]>");
    a.setResult(3);
    expect(String(a)).toBe("<Future finished result=3>");
    const b = loop.createFuture();
    b.setException(new asyncio.ValueError("x"));
    expect(String(b)).toBe("<Future finished exception=ValueError('x')>");
    b.exception();
    const c = loop.createFuture();
    c.cancel();
    expect(String(c)).toBe("<Future cancelled>");
    const d = loop.createFuture<string>();
    d.setResult("a fairly long string that reprlib shortens");
    expect(String(d)).toBe("<Future finished result='a fairly lon...rlib shortens'>");
    loop.close();
  });

  it("every error class keeps its Python name", () => {
    const classes = [
      asyncio.CancelledError, asyncio.InvalidStateError, asyncio.TimeoutError, asyncio.RuntimeError,
      asyncio.ValueError, asyncio.StopAsyncIteration, asyncio.QueueEmpty, asyncio.QueueFull,
    ];
    for (const cls of classes) {
      const e = new cls("m");
      expect(String(e)).toBe(`${cls.name}: m`);
      expect(e).toBeInstanceOf(Error);
    }
    const eg = new asyncio.ExceptionGroup("eg", [new asyncio.ValueError("a"), new Error("b")]);
    expect(eg.message).toBe("eg (2 sub-exceptions)");
    expect(eg.name).toBe("ExceptionGroup");
    const [values, rest] = eg.split(asyncio.ValueError);
    expect(values?.exceptions).toHaveLength(1);
    expect(rest?.exceptions).toHaveLength(1);
    expect(() => new asyncio.ExceptionGroup("x", [new asyncio.CancelledError()])).toThrow(TypeError);
  });
});

describe("done callbacks", () => {
  it("are always scheduled with callSoon, even when the future is already done", async () => {
    const loop = virtualLoop();
    const out: string[] = [];
    const fut = loop.createFuture<number>();
    fut.setResult(1);
    fut.addDoneCallback((f) => out.push(`cb ${f.result()}`));
    out.push("after addDoneCallback");
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(out).toEqual(["after addDoneCallback", "cb 1"]);
    loop.close();
  });

  it("run in the order added, after callbacks queued before the future was done", async () => {
    const loop = virtualLoop();
    const out: string[] = [];
    const fut = loop.createFuture();
    fut.addDoneCallback(() => out.push("first"));
    fut.addDoneCallback(() => out.push("second"));
    loop.callSoon(() => out.push("queued earlier"));
    fut.setResult(null);
    fut.addDoneCallback(() => out.push("added when done"));
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(out).toEqual(["queued earlier", "first", "second", "added when done"]);
    loop.close();
  });

  it("removeDoneCallback removes every registration and returns the count", async () => {
    const loop = virtualLoop();
    const out: string[] = [];
    const fut = loop.createFuture();
    const a = (): void => { out.push("a"); };
    const b = (): void => { out.push("b"); };
    fut.addDoneCallback(a);
    fut.addDoneCallback(b);
    fut.addDoneCallback(a);
    expect(fut.removeDoneCallback(a)).toBe(2);
    expect(fut.removeDoneCallback(a)).toBe(0);
    fut.setResult(null);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(out).toEqual(["b"]);
    expect(() => fut.addDoneCallback(5 as unknown as () => void)).toThrow(TypeError);
    loop.close();
  });
});

describe("awaiting a future", () => {
  it("yields the future itself, flagged blocking, then returns its result", () => {
    const loop = virtualLoop();
    const fut = loop.createFuture<number>();
    const it = fut[Symbol.iterator]();
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value).toBe(fut);
    expect(fut._asyncioFutureBlocking).toBe(true);
    fut.setResult(5);
    expect(it.next()).toEqual({ value: 5, done: true });
    loop.close();
  });

  it("raises \"await wasn't used with future\" if resumed while still pending", () => {
    const loop = virtualLoop();
    const fut = loop.createFuture();
    const it = fut[Symbol.iterator]();
    it.next();
    expect(() => it.next()).toThrow("await wasn't used with future");
    loop.close();
  });

  it("isFuture accepts futures and duck-typed ones only", () => {
    const loop = virtualLoop();
    expect(asyncio.isFuture(loop.createFuture())).toBe(true);
    expect(asyncio.isFuture({ _asyncioFutureBlocking: false })).toBe(true);
    expect(asyncio.isFuture({ _asyncioFutureBlocking: null })).toBe(false);
    expect(asyncio.isFuture(Promise.resolve())).toBe(false);
    loop.close();
  });
});

describe("exceptions nobody retrieved", () => {
  it("are reported through the exception handler when the loop closes", () => {
    const loop = virtualLoop();
    const seen: asyncio.ExceptionContext[] = [];
    loop.setExceptionHandler((_l, ctx) => seen.push(ctx));
    const lost = loop.createFuture();
    lost.setException(new asyncio.ValueError("lost"));
    const looked = loop.createFuture();
    looked.setException(new asyncio.ValueError("seen"));
    looked.exception();
    loop.close();
    expect(seen.map((c) => c.message)).toEqual(["Future exception was never retrieved"]);
    expect(seen[0].future).toBe(lost);
  });

  it("names tasks in the report and prints it with the default handler", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    function* boom(): asyncio.Coroutine<void> {
      throw new asyncio.ValueError("nobody looked");
    }
    function* main(): asyncio.Coroutine<void> {
      asyncio.createTask(boom());
      yield* asyncio.sleep(1);
    }
    await asyncio.run(main(), { clock: "virtual" });
    expect(spy).toHaveBeenCalledTimes(1);
    const text = String(spy.mock.calls[0][0]);
    expect(text.split("\n")[0]).toBe("Task exception was never retrieved");
    expect(text).toMatch(/^future: <Task finished name='Task-\d+' coro=<coroutine\(\) done> exception=ValueError\('nobody looked'\)>$/m);
  });
});
