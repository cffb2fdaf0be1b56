# shield: cancelling the outer await leaves the inner work running.
import asyncio


async def work(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished at {asyncio.get_running_loop().time():.3f}")
        return name
    except asyncio.CancelledError:
        print(f"{name} was cancelled")
        raise


async def waiter(aw):
    try:
        return await asyncio.shield(aw)
    except asyncio.CancelledError:
        print("waiter's shield was cancelled")
        raise


async def main():
    inner = asyncio.create_task(work("inner", 1))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled; inner done:", inner.done())
    print("inner result:", await inner)

    print("shield of a finished coroutine:", await asyncio.shield(work("quick", 0)))
    inner2 = asyncio.create_task(work("inner2", 1))
    outer = asyncio.shield(inner2)
    await asyncio.sleep(0.1)
    inner2.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("cancelling the inner cancels the shield too:", outer.cancelled())

asyncio.run(main())
