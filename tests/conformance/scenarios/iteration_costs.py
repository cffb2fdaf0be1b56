# How many loop iterations each construct costs, measured by a callback that
# re-schedules itself with call_soon once per iteration.
import asyncio


async def noop():
    return 1


async def one_sleep():
    await asyncio.sleep(0)
    return 2


async def main():
    loop = asyncio.get_running_loop()
    turns = 0
    handle = None

    def tick():
        nonlocal turns, handle
        turns += 1
        handle = loop.call_soon(tick)

    handle = loop.call_soon(tick)
    await asyncio.sleep(0)

    async def measure(label, make):
        before = turns
        await make()
        print(f"{label}: {turns - before}")

    await measure("await coroutine", noop)
    await measure("sleep(0)", lambda: asyncio.sleep(0))

    def fut_soon():
        f = loop.create_future()
        loop.call_soon(f.set_result, None)
        return f
    await measure("future set by call_soon", fut_soon)

    def fut_done():
        f = loop.create_future()
        f.set_result(None)
        return f
    await measure("future already done", fut_done)
    await measure("task of a plain coroutine", lambda: asyncio.create_task(noop()))
    await measure("task with one sleep(0)", lambda: asyncio.create_task(one_sleep()))
    await measure("gather of two coroutines", lambda: asyncio.gather(noop(), noop()))
    await measure("gather of two sleepers", lambda: asyncio.gather(one_sleep(), one_sleep()))
    await measure("gather()", lambda: asyncio.gather())
    await measure("ensure_future(coroutine)", lambda: asyncio.ensure_future(noop()))
    await measure("wait_for(coroutine, 1)", lambda: asyncio.wait_for(noop(), 1))
    await measure("shield(coroutine)", lambda: asyncio.shield(noop()))

    ev = asyncio.Event()
    loop.call_soon(ev.set)
    await measure("Event.wait set by call_soon", ev.wait)
    q = asyncio.Queue()
    q.put_nowait(1)
    await measure("Queue.get with an item", q.get)
    lock = asyncio.Lock()
    await measure("Lock.acquire free", lock.acquire)
    lock.release()
    handle.cancel()

asyncio.run(main())
