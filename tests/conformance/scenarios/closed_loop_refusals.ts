// What a closed loop and a refused asyncio.run() leave behind. A future whose loop is
// closed still becomes done when set, but scheduling its callbacks fails: CPython drops
// them all first, then raises. asyncio.run(42) enters its Runner (a loop is made and set)
// before refusing the argument, so leaving it unsets the loop: get_event_loop() raises.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

function attempt(label: string, fn: () => unknown): void {
  try {
    const v = fn();
    print(label, "->", v instanceof asyncio.Future ? String(v) : repr(v));
  } catch (e) {
    print(label, "raises", fmt(e));
  }
}

const loop = asyncio.newEventLoop();
const fut = loop.createFuture<number>();
fut.addDoneCallback(print);
fut.addDoneCallback(print);
loop.close();
attempt("set_result on a closed loop", () => fut.setResult(1));
print("fut", String(fut), fut.done());
attempt("remove_done_callback", () => fut.removeDoneCallback(print));
const g = loop.createFuture();
g.addDoneCallback(print);
attempt("cancel on a closed loop", () => g.cancel("bye"));
print("g", String(g), g.cancelled());
const m = loop.createFuture();
m.addDoneCallback(print);
attempt("set_exception on a closed loop", () => m.setException(new asyncio.ValueError("w")));
print("m", String(m));
attempt("m.remove_done_callback", () => m.removeDoneCallback(print));

attempt("run(42)", () => asyncio.run(42 as unknown as asyncio.Coroutine<unknown>));
attempt("get_event_loop after the refused run", () => asyncio.getEventLoop().isClosed());
asyncio.setEventLoop(asyncio.newEventLoop());
attempt("get_event_loop once one is set", () => asyncio.getEventLoop().isClosed());
asyncio.getEventLoop().close();
