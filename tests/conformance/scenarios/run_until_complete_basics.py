# run_until_complete returns the result or raises the error; a closed loop and
# a loop that is already running refuse to run.
import asyncio


def fmt(e):
    return f"{type(e).__name__}: {e}"


async def answer():
    await asyncio.sleep(0.5)
    return 42


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


loop = asyncio.new_event_loop()
print("result", loop.run_until_complete(answer()))
print(f"time {loop.time():.3f}")
try:
    loop.run_until_complete(boom())
except ValueError as e:
    print("raised", fmt(e))

fut = loop.create_future()
loop.call_soon(fut.set_result, "from a future")
print("future:", loop.run_until_complete(fut))


async def nested():
    other = loop.create_future()
    try:
        loop.run_until_complete(other)
    except RuntimeError as e:
        print("nested:", fmt(e))
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("nested run_forever:", fmt(e))
    return "outer still fine"

print(loop.run_until_complete(nested()))

fut2 = loop.create_future()
loop.call_soon(loop.stop)
try:
    loop.run_until_complete(fut2)
except RuntimeError as e:
    print("stopped:", fmt(e))
print("fut2 done:", fut2.done())

loop.close()
loop.close()
print("closed:", loop.is_closed())
for what, call in [
    ("run_until_complete", lambda: loop.run_until_complete(fut)),
    ("run_forever", lambda: loop.run_forever()),
    ("call_soon", lambda: loop.call_soon(print, "never")),
    ("call_at", lambda: loop.call_at(1, print, "never")),
]:
    try:
        call()
    except RuntimeError as e:
        print(what, fmt(e))
