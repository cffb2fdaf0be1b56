# Waiting getters are served first-come first-served; a cancelled getter
# does not swallow an item.
import asyncio


async def getter(q, name):
    try:
        item = await q.get()
        print(f"{name} got {item}")
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(q, f"g{i}")) for i in range(4)]
    await asyncio.sleep(0)
    tasks[1].cancel()
    q.put_nowait("x")
    q.put_nowait("y")
    await asyncio.sleep(0)
    q.put_nowait("z")
    await asyncio.gather(*tasks, return_exceptions=True)
    print("left in queue:", q.qsize())

    q2 = asyncio.Queue(maxsize=1)
    q2.put_nowait(0)

    async def putter(i):
        await q2.put(i)
        print(f"putter {i} done")

    ps = [asyncio.create_task(putter(i)) for i in range(1, 4)]
    await asyncio.sleep(0)
    for _ in range(4):
        print("get", await q2.get())
        await asyncio.sleep(0)
    await asyncio.gather(*ps)

asyncio.run(main())
