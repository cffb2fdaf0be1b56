# Lock: waiters get the lock in FIFO order; release of an unlocked lock fails.
import asyncio


async def worker(lock, name, hold):
    loop = asyncio.get_running_loop()
    print(f"{name} wants the lock at {loop.time():.3f}")
    async with lock:
        print(f"{name} has the lock at {loop.time():.3f}")
        await asyncio.sleep(hold)
    print(f"{name} released at {loop.time():.3f}")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker(lock, "a", 0.2), worker(lock, "b", 0.1), worker(lock, "c", 0.3))
    try:
        lock.release()
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
    print("acquire:", await lock.acquire(), "locked:", lock.locked())
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    w.cancel()
    lock.release()
    await asyncio.sleep(0)
    print("locked after the cancelled waiter:", lock.locked())

asyncio.run(main())
