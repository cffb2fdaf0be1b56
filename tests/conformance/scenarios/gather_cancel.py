# Cancelling a gather cancels its children; a cancelled child makes gather raise
# CancelledError unless return_exceptions collects it.
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} done")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    g = asyncio.gather(child("a", 1), child("b", 2))
    await asyncio.sleep(0.5)
    print("cancel outer:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("outer raised CancelledError; cancelled() =", g.cancelled())

    t1 = asyncio.create_task(child("c", 1))
    t2 = asyncio.create_task(child("d", 0.5))
    g2 = asyncio.gather(t1, t2)
    await asyncio.sleep(0.1)
    t1.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print("g2 raised CancelledError when a child was cancelled; d done:", t2.done())
    await asyncio.sleep(1)

    t3 = asyncio.create_task(child("e", 1))
    t4 = asyncio.create_task(child("f", 0.2))
    g3 = asyncio.gather(t3, t4, return_exceptions=True)
    await asyncio.sleep(0.1)
    t3.cancel("stop e")
    res = await g3
    print([f"{type(r).__name__}({str(r)!r})" if isinstance(r, BaseException) else r for r in res])

asyncio.run(main())
