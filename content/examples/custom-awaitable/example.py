import asyncio


class Delay:
    """An awaitable: waits `seconds`, then gives back `value`."""

    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value

    def __await__(self):  # must return an iterator; a generator function does
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(self.seconds, fut.set_result, self.value)
        print(f"{loop.time():.1f}   __await__: waiting on a future")
        result = yield from fut  # the future goes out to the task while pending
        print(f"{loop.time():.1f}   __await__: the future is done")
        return result


async def main():
    loop = asyncio.get_running_loop()
    print(f"{loop.time():.1f} main: await Delay(1.5, 'hi')")
    value = await Delay(1.5, "hi")
    print(f"{loop.time():.1f} main: got {value}")


asyncio.run(main())
