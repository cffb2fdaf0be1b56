import asyncio


async def nap(seconds):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(seconds)
    print(f"nap({seconds}) woke after {loop.time() - start:.1f} s")
    return seconds


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(nap(1), nap(2), nap(3))  # all three sleep at once
    print("gather returned", results)
    print(f"elapsed: {loop.time() - start:.1f} s, not {sum(results)} s")


asyncio.run(main())
