import asyncio


async def worker(name, prepare, barrier):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(prepare)  # each one takes its own time to get ready
    print(f"{loop.time():.1f} {name} ready, {barrier.n_waiting} already waiting")
    index = await barrier.wait()  # paused here until all three have arrived
    print(f"{loop.time():.1f} {name} goes on (index {index})")


async def main():
    barrier = asyncio.Barrier(3)
    await asyncio.gather(
        worker("A", 1.0, barrier),
        worker("B", 2.0, barrier),
        worker("C", 3.0, barrier),
    )


asyncio.run(main())
