# Awaiting a coroutine runs it inline in the same task: results and
# exceptions pass through every level, and no loop turn is spent.
import asyncio


async def leaf(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n * 2


async def middle(n):
    v = await leaf(n)
    return v + 1


async def top(n):
    try:
        return await middle(n)
    except ValueError as e:
        print("top caught", e)
        return -1


async def deep(n):
    if n == 0:
        await asyncio.sleep(0.1)
        return 0
    return 1 + await deep(n - 1)


async def main():
    loop = asyncio.get_running_loop()
    turns = 0
    handle = None

    def tick():
        nonlocal turns, handle
        turns += 1
        handle = loop.call_soon(tick)

    handle = loop.call_soon(tick)
    await asyncio.sleep(0)
    before = turns
    print(await top(5), await top(-3))
    print("turns spent on pure coroutine calls:", turns - before)
    handle.cancel()
    print("depth:", await deep(50), f"t={loop.time():.3f}")

asyncio.run(main())
