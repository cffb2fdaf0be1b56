# An exception in a callback goes to the exception handler (the context keys
# are CPython's) and the loop keeps running.
import asyncio

loop = asyncio.new_event_loop()


def handler(lp, context):
    print("handler: same loop:", lp is loop)
    print("  keys:", sorted(context.keys()))
    print("  message:", context["message"].split(" at ")[0].split("(<")[0])
    exc = context.get("exception")
    if exc is not None:
        print(f"  exception: {type(exc).__name__}: {exc}")


def bad(x, y):
    raise ValueError(f"bad callback {x} {y}")


def good():
    print("good callback still runs")


print("default handler set:", loop.get_exception_handler() is None)
loop.set_exception_handler(handler)
print("handler installed:", loop.get_exception_handler() is handler)
loop.call_soon(bad, 1, "two")
loop.call_soon(good)
fut = loop.create_future()


def bad_done(f):
    raise ValueError("in a done callback")


fut.add_done_callback(bad_done)
fut.set_result(None)
loop.call_soon(loop.call_exception_handler, {"message": "custom", "extra": 5})
loop.call_later(0.1, loop.stop)
loop.run_forever()
loop.set_exception_handler(None)
print("reset:", loop.get_exception_handler() is None)
try:
    loop.set_exception_handler(42)
except TypeError as e:
    print(f"{type(e).__name__}: {e}")
loop.close()
