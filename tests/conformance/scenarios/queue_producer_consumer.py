# A bounded queue: put() waits while the queue is full, get() while it is
# empty; join() waits until every item has been marked task_done().
import asyncio


async def producer(q, name, items):
    loop = asyncio.get_running_loop()
    for x in items:
        await q.put(f"{name}{x}")
        print(f"put {name}{x} at {loop.time():.3f} size={q.qsize()}")
    print(f"producer {name} done")


async def consumer(q, name, delay):
    loop = asyncio.get_running_loop()
    while True:
        item = await q.get()
        print(f"  {name} got {item} at {loop.time():.3f}")
        await asyncio.sleep(delay)
        q.task_done()


async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue(maxsize=2)
    consumers = [asyncio.create_task(consumer(q, "c1", 0.3)),
                 asyncio.create_task(consumer(q, "c2", 0.5))]
    await asyncio.gather(producer(q, "p", range(4)), producer(q, "r", range(3)))
    print(f"producers done at {loop.time():.3f}")
    await q.join()
    print(f"joined at {loop.time():.3f}, unfinished none, empty={q.empty()}")
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)

asyncio.run(main())
