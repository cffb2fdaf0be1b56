# TaskGroup waits for its tasks; the first failure cancels the rest and the
# errors come out as an ExceptionGroup.
#
# The order in which an aborting group cancels its tasks is not printed:
# CPython keeps them in a set, so that order follows memory addresses and
# changes from run to run. Each group reports its cancelled names sorted.
import asyncio

cancelled = []


async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        cancelled.append(name)
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{name} done")
    return name


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 0.2))
        b = tg.create_task(job("b", 0.1), name="bee")
        print("body ends before the tasks")
    print(f"results {a.result()} {b.result()} name {b.get_name()} at {loop.time():.3f}")

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("c", 1))
            tg.create_task(job("d", 0.1, fail=True))
            tg.create_task(job("e", 0.2, fail=True))
            tg.create_task(job("f", 0.1, fail=True))
    except ExceptionGroup as eg:
        print(f"{type(eg).__name__}: {eg}")
        print([f"{type(x).__name__}: {x}" for x in eg.exceptions])
        print(f"at {loop.time():.3f}, cancelled {sorted(cancelled)}")
        cancelled.clear()

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("g", 1))
            await asyncio.sleep(0.1)
            raise RuntimeError("body failed")
    except ExceptionGroup as eg:
        print(f"{type(eg).__name__}: {eg}", [f"{type(x).__name__}: {x}" for x in eg.exceptions])
        print(f"cancelled {sorted(cancelled)}")

    async with asyncio.TaskGroup() as tg:
        pass
    coro = job("h", 0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        coro.close()
        print(f"{type(e).__name__}, mentions finished: {'is finished' in str(e)}")

asyncio.run(main())
