// Future's state machine and its error messages (CPython's C Future).
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

function attempt(label: string, fn: () => unknown): void {
  try {
    const v = fn();
    print(label, "->", repr(v));
  } catch (e) {
    print(label, "raises", fmt(e));
  }
}

const loop = asyncio.newEventLoop();
const f = loop.createFuture<number>();
print("done", f.done(), "cancelled", f.cancelled());
attempt("result() pending", () => f.result());
attempt("exception() pending", () => f.exception());
f.setResult(7);
attempt("result() done", () => f.result());
attempt("exception() done", () => f.exception());
attempt("set_result twice", () => f.setResult(8));
attempt("set_exception after result", () => f.setException(new asyncio.ValueError("x")));
attempt("cancel done", () => f.cancel());

const g = loop.createFuture();
g.setException(new asyncio.ValueError("bad value"));
attempt("result() of failed", () => g.result());
attempt("exception() of failed", () => fmt(g.exception()));

const h = loop.createFuture();
h.setException(asyncio.ValueError);
attempt("exception class is instantiated", () => (h.exception() as Error).name);

const c = loop.createFuture<number>();
attempt("cancel pending", () => c.cancel("stop it"));
attempt("cancel again", () => c.cancel());
print("cancelled", c.cancelled(), "done", c.done());
attempt("result() of cancelled", () => c.result());
attempt("exception() of cancelled", () => c.exception());
attempt("set_result on cancelled", () => c.setResult(1));

const d = loop.createFuture();
d.cancel();
attempt("result() cancelled without message", () => d.result());
print("loop is", f.getLoop() === loop ? "same" : "other");
loop.close();
