# asyncio.Barrier (3.11): tasks meet, all go on together with distinct indexes, the
# barrier fills again for a second round; late arrivals wait while it drains; reset()
# and abort() wake waiters with BrokenBarrierError; async with gives the index.
import asyncio


async def worker(barrier, name, delay, log):
    loop = asyncio.get_running_loop()
    for round_no in range(2):
        await asyncio.sleep(delay)
        print(f"{loop.time():.1f} {name} arrives (round {round_no}), waiting: {barrier.n_waiting}")
        index = await barrier.wait()
        log.append(index)
        print(f"{loop.time():.1f} {name} passes as {index}")


async def stuck(barrier, name):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError as e:
        print(f"{name}: {type(e).__name__}: {e} | broken: {barrier.broken}")


async def main():
    loop = asyncio.get_running_loop()
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)
    barrier = asyncio.Barrier(3)
    print("parties:", barrier.parties, "| broken:", barrier.broken, "| waiting:", barrier.n_waiting)
    log = []
    await asyncio.gather(*(worker(barrier, n, d, log) for n, d in (("A", 0.5), ("B", 1.0), ("C", 1.5))))
    print("indexes per round:", sorted(log[:3]), sorted(log[3:]))

    waiting = [asyncio.create_task(stuck(barrier, f"reset {i}")) for i in range(2)]
    await asyncio.sleep(0.1)
    print("before reset, waiting:", barrier.n_waiting)
    await barrier.reset()
    await asyncio.gather(*waiting)
    print("after reset, waiting:", barrier.n_waiting, "| broken:", barrier.broken)

    two = asyncio.Barrier(2)

    async def with_block(name):
        async with two as index:
            print(f"{name} entered with index {index}")

    await asyncio.gather(with_block("first"), with_block("second"))

    waiting = [asyncio.create_task(stuck(barrier, f"abort {i}")) for i in range(2)]
    await asyncio.sleep(0.1)
    await barrier.abort()
    await asyncio.gather(*waiting)
    await stuck(barrier, "after abort")
    print("repr ends:", repr(barrier).split(" [")[1])

    pair = asyncio.Barrier(2)

    async def arrive(name):
        index = await pair.wait()
        print(f"{loop.time():.1f} {name} passes as {index} | {repr(pair).split(' [')[1]}")

    # Three arrive at once for a barrier of two: the third waits until the first two are
    # out (draining), then starts the next round, which a fourth completes.
    first = [asyncio.create_task(arrive(n)) for n in ("P", "Q", "R")]
    await asyncio.sleep(0.5)
    print("R waits for a partner:", pair.n_waiting)
    await asyncio.gather(arrive("S"), *first)
    print(f"done at {loop.time():.1f}")


asyncio.run(main())
