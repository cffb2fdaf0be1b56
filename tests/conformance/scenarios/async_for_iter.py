# async for over an object with __aiter__/__anext__, break, and aiter()/anext()
# with a default.
import asyncio


class Ticker:
    def __init__(self, n, delay):
        self.n = n
        self.delay = delay

    def __aiter__(self):
        print("aiter called")
        self.i = 0
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i


async def main():
    loop = asyncio.get_running_loop()
    async for x in Ticker(3, 0.5):
        print(f"tick {x} at {loop.time():.3f}")
    async for x in Ticker(10, 0.1):
        if x == 2:
            print("break at", x)
            break
    it = aiter(Ticker(2, 0))
    print(await anext(it), await anext(it), await anext(it, "default"))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(str(e)))

asyncio.run(main())
