# Semaphore(2): two holders at a time, waiters served in order;
# BoundedSemaphore refuses an extra release.
import asyncio


async def worker(sem, name, hold):
    loop = asyncio.get_running_loop()
    async with sem:
        print(f"{name} in at {loop.time():.3f} (locked={sem.locked()})")
        await asyncio.sleep(hold)
    print(f"{name} out at {loop.time():.3f}")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(worker(sem, f"w{i}", 0.1 * (i % 3 + 1)) for i in range(6)))
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print(f"{type(e).__name__}: {e}")
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print(f"{type(e).__name__}: {e}")
    s = asyncio.Semaphore(0)
    s.release()
    s.release()
    print("released twice from 0, locked:", s.locked())

asyncio.run(main())
