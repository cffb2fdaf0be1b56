# Tasks sleeping until the same moment wake in the timer heap's order.
import asyncio


async def sleeper(i):
    await asyncio.sleep(1)
    return i


async def main():
    woke = []

    async def s(i):
        await asyncio.sleep(1)
        woke.append(i)

    await asyncio.gather(*(s(i) for i in range(10)))
    print("woke:", woke)
    woke.clear()
    ts = [asyncio.create_task(s(i)) for i in range(5)]
    await asyncio.sleep(0)
    ts += [asyncio.create_task(s(i)) for i in range(5, 9)]
    await asyncio.gather(*ts)
    print("woke:", woke)

asyncio.run(main())
