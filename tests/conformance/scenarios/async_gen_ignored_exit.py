# An async generator that ignores GeneratorExit: its aclose() raises RuntimeError, and
# from then on it counts as closed (CPython 3.11's ag_closed) though its body did not
# end: a second aclose() and an athrow() raise StopAsyncIteration at once, without
# running the body, while __anext__() still runs it.
import asyncio


done = False


async def swallow():
    while not done:
        try:
            yield 1
        except GeneratorExit:
            print("swallowed GeneratorExit")


async def main():
    s = swallow()
    await s.__anext__()
    cases = [
        ("aclose 1", s.aclose),
        ("aclose 2", s.aclose),
        ("anext", s.__anext__),
        ("athrow", lambda: s.athrow(ValueError("x"))),
    ]
    for label, make in cases:
        try:
            print(label, "->", await make())
        except BaseException as e:
            print(label, "raises", type(e).__name__, repr(str(e)))
    # Let its body end, so nothing is left for the garbage collector to close.
    global done
    done = True
    try:
        await s.__anext__()
    except StopAsyncIteration:
        print("body ended")
    # A generator that ended normally is not refused: aclose() and athrow() give None.
    async def once():
        yield 1

    g = once()
    async for _ in g:
        pass
    print("ended: aclose ->", await g.aclose(), "athrow ->", await g.athrow(ValueError("y")))


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
