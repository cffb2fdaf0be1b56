# Cancelling a task that sits in wait_for cancels the inner awaitable too, and
# the inner task's cleanup finishes before the outer sees CancelledError.
import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner cancelled")
        await asyncio.sleep(0.5)
        print("inner cleanup done")
        raise


async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=5)
    except asyncio.CancelledError:
        print(f"outer cancelled at {asyncio.get_running_loop().time():.3f}")
        raise


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: outer task cancelled =", t.cancelled())

    async def swallow():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "swallowed"

    start = asyncio.get_running_loop().time()
    try:
        r = await asyncio.wait_for(swallow(), timeout=1)
        print("wait_for returned", r)
    except asyncio.TimeoutError:
        print("TimeoutError")
    print(f"after {asyncio.get_running_loop().time() - start:.3f}")

asyncio.run(main())
