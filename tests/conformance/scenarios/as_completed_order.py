# as_completed yields awaitables in completion order; with a timeout it raises
# TimeoutError for what is left.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    loop = asyncio.get_running_loop()
    for aw in asyncio.as_completed([job("a", 0.3), job("b", 0.1), job("c", 0.2)]):
        r = await aw
        print(f"{r} at {loop.time():.3f}")
    got = []
    try:
        for aw in asyncio.as_completed([job("d", 0.5), job("e", 0.1), job("f", 2)], timeout=1):
            got.append(await aw)
    except asyncio.TimeoutError as e:
        print(f"{type(e).__name__} after {got} at {loop.time():.3f}")

asyncio.run(main())
