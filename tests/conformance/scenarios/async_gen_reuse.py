# The awaitables from __anext__/asend/athrow/aclose are one-shot: awaiting one a
# second time raises RuntimeError, whether the first await gave a value, raised,
# or ended the generator. A fresh call gives a fresh awaitable. (The athrow() here
# gets its value back without the generator awaiting first: in 3.11 an athrow()
# that suspended before its value can be awaited again, CPython bug gh-117894,
# fixed in 3.12; the library raises there too.)
import asyncio


async def counter():
    try:
        n = 0
        while True:
            try:
                got = yield n
            except ValueError as e:
                print(f"counter caught {e}")
                n += 100
                continue
            await asyncio.sleep(0.25)
            n = n + 1 if got is None else got
    finally:
        print("counter closing")
        await asyncio.sleep(0.5)
        print("counter closed")


async def again(label, aw):
    try:
        await aw
    except RuntimeError as e:
        print(f"{label} again: {type(e).__name__}: {e}")


async def main():
    loop = asyncio.get_running_loop()
    g = counter()
    first = g.__anext__()
    print("first:", await first)
    await again("__anext__", first)
    sent = g.asend(10)
    print("asend(10):", await sent, f"at {loop.time():.3f}")
    await again("asend", sent)
    thrown = g.athrow(ValueError("nudge"))
    print("athrow:", await thrown)
    await again("athrow", thrown)
    print("fresh __anext__:", await g.__anext__())
    closing = g.aclose()
    print("aclose:", await closing, f"at {loop.time():.3f}")
    await again("aclose", closing)
    last = g.__anext__()
    try:
        await last
    except StopAsyncIteration:
        print("finished: StopAsyncIteration")
    await again("finished __anext__", last)
    late = g.aclose()
    print("aclose of a finished generator:", await late)
    await again("finished aclose", late)

    h = counter()
    failing = h.athrow(KeyError("k"))
    try:
        await failing
    except KeyError as e:
        print(f"athrow before start raised KeyError {e}")
    await again("failed athrow", failing)

asyncio.run(main())
