import asyncio


class Ticker:
    """An asynchronous iterator: count ticks, one every `delay` seconds."""

    def __init__(self, delay, count):
        self.delay = delay
        self.count = count
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i == self.count:
            raise StopAsyncIteration  # ends the async for
        await asyncio.sleep(self.delay)  # may await: that is why it is async
        self.i += 1
        return self.i - 1


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async for tick in Ticker(0.5, 4):
        print(f"{loop.time() - start:.1f} s: tick {tick}")
    print("StopAsyncIteration ended the loop")


asyncio.run(main())
