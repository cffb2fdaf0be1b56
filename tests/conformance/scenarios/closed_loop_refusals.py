# What a closed loop and a refused asyncio.run() leave behind. A future whose loop is
# closed still becomes done when set, but scheduling its callbacks fails: CPython drops
# them all first, then raises. asyncio.run(42) enters its Runner (a loop is made and set)
# before refusing the argument, so leaving it unsets the loop: get_event_loop() raises.
import asyncio


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raises", f"{type(e).__name__}: {e}")


loop = asyncio.new_event_loop()
fut = loop.create_future()
fut.add_done_callback(print)
fut.add_done_callback(print)
loop.close()
attempt("set_result on a closed loop", lambda: fut.set_result(1))
print("fut", repr(fut), fut.done())
attempt("remove_done_callback", lambda: fut.remove_done_callback(print))
g = loop.create_future()
g.add_done_callback(print)
attempt("cancel on a closed loop", lambda: g.cancel("bye"))
print("g", repr(g), g.cancelled())
m = loop.create_future()
m.add_done_callback(print)
attempt("set_exception on a closed loop", lambda: m.set_exception(ValueError("w")))
print("m", repr(m))
attempt("m.remove_done_callback", lambda: m.remove_done_callback(print))

attempt("run(42)", lambda: asyncio.run(42))
attempt("get_event_loop after the refused run", lambda: asyncio.get_event_loop().is_closed())
asyncio.set_event_loop(asyncio.new_event_loop())
attempt("get_event_loop once one is set", lambda: asyncio.get_event_loop().is_closed())
asyncio.get_event_loop().close()
