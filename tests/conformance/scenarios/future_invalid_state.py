# Future's state machine and its error messages (CPython's C Future).
import asyncio


def fmt(e):
    return f"{type(e).__name__}: {e}"


def attempt(label, fn):
    try:
        v = fn()
        print(label, "->", repr(v))
    except BaseException as e:
        print(label, "raises", fmt(e))


loop = asyncio.new_event_loop()
f = loop.create_future()
print("done", f.done(), "cancelled", f.cancelled())
attempt("result() pending", f.result)
attempt("exception() pending", f.exception)
f.set_result(7)
attempt("result() done", f.result)
attempt("exception() done", f.exception)
attempt("set_result twice", lambda: f.set_result(8))
attempt("set_exception after result", lambda: f.set_exception(ValueError("x")))
attempt("cancel done", f.cancel)

g = loop.create_future()
g.set_exception(ValueError("bad value"))
attempt("result() of failed", g.result)
attempt("exception() of failed", lambda: fmt(g.exception()))

h = loop.create_future()
h.set_exception(ValueError)
attempt("exception class is instantiated", lambda: type(h.exception()).__name__)

c = loop.create_future()
attempt("cancel pending", lambda: c.cancel("stop it"))
attempt("cancel again", c.cancel)
print("cancelled", c.cancelled(), "done", c.done())
attempt("result() of cancelled", c.result)
attempt("exception() of cancelled", c.exception)
attempt("set_result on cancelled", lambda: c.set_result(1))

d = loop.create_future()
d.cancel()
attempt("result() cancelled without message", d.result)
print("loop is", "same" if f.get_loop() is loop else "other")
loop.close()
