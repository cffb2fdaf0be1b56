// An exception in a callback goes to the exception handler (the context keys
// are CPython's) and the loop keeps running.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

const loop = asyncio.newEventLoop();

function handler(lp: asyncio.EventLoop, context: asyncio.ExceptionContext): void {
  print("handler: same loop:", lp === loop);
  print("  keys:", repr(Object.keys(context).sort()));
  print("  message:", context.message.split(" at ")[0].split("(<")[0]);
  const exc = context.exception;
  if (exc !== undefined && exc !== null) print(`  exception: ${fmt(exc)}`);
}

function bad(x: number, y: string): void {
  throw new asyncio.ValueError(`bad callback ${x} ${y}`);
}

function good(): void {
  print("good callback still runs");
}

print("default handler set:", loop.getExceptionHandler() === null);
loop.setExceptionHandler(handler);
print("handler installed:", loop.getExceptionHandler() === handler);
loop.callSoon(bad, 1, "two");
loop.callSoon(good);
const fut = loop.createFuture();

function bad_done(_f: asyncio.Future): void {
  throw new asyncio.ValueError("in a done callback");
}

fut.addDoneCallback(bad_done);
fut.setResult(null);
loop.callSoon(() => loop.callExceptionHandler({ message: "custom", extra: 5 }));
loop.callLater(0.1, () => loop.stop());
await loop.runForever();
loop.setExceptionHandler(null);
print("reset:", loop.getExceptionHandler() === null);
try {
  loop.setExceptionHandler(42 as never);
} catch (e) {
  if (!(e instanceof TypeError)) throw e;
  print(fmt(e));
}
loop.close();
