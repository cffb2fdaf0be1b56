# wait() returns (done, pending) sets; print them sorted by task name.
import asyncio


async def job(delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"failed after {delay}")
    return delay


def names(s):
    return sorted(t.get_name() for t in s)


async def main():
    loop = asyncio.get_running_loop()

    def make():
        return [asyncio.create_task(job(0.3), name="slow"),
                asyncio.create_task(job(0.1), name="fast"),
                asyncio.create_task(job(0.2, fail=True), name="bad")]

    for mode in [asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED]:
        start = loop.time()
        tasks = make()
        done, pending = await asyncio.wait(tasks, return_when=mode)
        print(f"{mode}: done={names(done)} pending={names(pending)} after {loop.time() - start:.3f}")
        for t in pending:
            t.cancel()
        await asyncio.sleep(1)

    start = loop.time()
    tasks = make()
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(f"timeout: done={names(done)} pending={names(pending)} after {loop.time() - start:.3f}")
    await asyncio.sleep(1)
    print("pending ones kept running:", all(t.done() for t in pending))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print(f"{type(e).__name__}: {e}")
    try:
        await asyncio.wait(tasks, return_when="SOMETIMES")
    except ValueError as e:
        print(f"{type(e).__name__}: {e}")

asyncio.run(main())
