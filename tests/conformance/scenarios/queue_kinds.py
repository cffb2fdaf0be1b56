# Queue (FIFO), LifoQueue and PriorityQueue order, the *_nowait errors, and sizes.
import asyncio


def fmt(e):
    return f"{type(e).__name__}: {e}"


async def main():
    for cls in [asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue]:
        q = cls()
        for x in [3, 1, 4, 1, 5, 9, 2, 6]:
            q.put_nowait(x)
        out = []
        while not q.empty():
            out.append(await q.get())
        print(cls.__name__, out)

    pq = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (2, "a"), (1, "y")]:
        await pq.put(item)
    print("tuples:", [pq.get_nowait() for _ in range(4)])

    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    print("qsize", q.qsize(), "full", q.full(), "maxsize", q.maxsize)
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print("put_nowait on full:", type(e).__name__, repr(str(e)))
    q.get_nowait()
    q.get_nowait()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("get_nowait on empty:", type(e).__name__, repr(str(e)))
    try:
        q.task_done()
        q.task_done()
        q.task_done()
    except ValueError as e:
        print(fmt(e))

asyncio.run(main())
