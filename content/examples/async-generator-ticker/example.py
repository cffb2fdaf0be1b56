import asyncio


async def ticker(delay, count):
    """An async generator: async def with yield. No __aiter__/__anext__ to write."""
    for i in range(count):
        await asyncio.sleep(delay)
        yield i
    print("  ticker: no more ticks")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async for tick in ticker(0.5, 4):
        print(f"{loop.time() - start:.1f} s: tick {tick}")
    print("the async for is over")


asyncio.run(main())
