# Async generators: async for drives __anext__; asend/athrow/aclose work like
# send/throw/close, and each may await inside.
import asyncio


async def ticker(n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker finally")


async def echo():
    received = None
    try:
        while True:
            try:
                received = yield f"echo {received}"
            except ValueError as e:
                received = f"caught {e}"
    finally:
        await asyncio.sleep(0.1)
        print("echo cleaned up after an await")


async def main():
    loop = asyncio.get_running_loop()
    async for i in ticker(3, 0.5):
        print(f"got {i} at {loop.time():.3f}")
    g = echo()
    print(await g.asend(None))
    print(await g.asend("hello"))
    print(await g.athrow(ValueError("bad")))
    print(await anext(g))
    await g.aclose()
    print(f"closed at {loop.time():.3f}")
    try:
        await anext(g)
    except StopAsyncIteration:
        print("finished generator raises StopAsyncIteration")
    t = ticker(5, 0)
    print(await anext(t), await anext(t))
    await t.aclose()
    print("aclose again is fine:", await t.aclose())

asyncio.run(main())
