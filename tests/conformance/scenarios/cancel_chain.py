# Cancelling a task that awaits another task cancels the inner one too; the
# outer sees the CancelledError after the inner has finished cleaning up.
import asyncio


async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner finally")


async def middle():
    try:
        await asyncio.create_task(inner())
    finally:
        print("middle finally")


async def outer_fn():
    try:
        await middle()
    except asyncio.CancelledError as e:
        print(f"outer caught CancelledError({str(e)!r})")
        raise


async def main():
    t = asyncio.create_task(outer_fn())
    await asyncio.sleep(1)
    t.cancel("top down")
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"main sees CancelledError({str(e)!r}), cancelled={t.cancelled()}")

    f = asyncio.get_running_loop().create_future()

    async def awaits_future():
        try:
            await f
        except asyncio.CancelledError:
            print("waiter of a cancelled future gets CancelledError")
            return "handled"

    w = asyncio.create_task(awaits_future())
    await asyncio.sleep(0)
    f.cancel()
    print(await w)

asyncio.run(main())
