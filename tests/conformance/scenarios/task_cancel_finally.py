# Cancelling a task throws CancelledError at its current await: finally blocks
# run, the message travels along, and a task may catch it and carry on.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"stubborn caught CancelledError({str(e)!r})")
    await asyncio.sleep(0.5)
    return "stubborn finished"


async def polite():
    try:
        await asyncio.sleep(10)
    finally:
        print("polite finally runs")


async def main():
    loop = asyncio.get_running_loop()
    s = asyncio.create_task(stubborn())
    p = asyncio.create_task(polite())
    await asyncio.sleep(1)
    print("cancel s:", s.cancel("please stop"))
    print("cancel p:", p.cancel("go away"))
    print("cancelling counts", s.cancelling(), p.cancelling())
    print("s result:", await s, f"t={loop.time():.3f}")
    print("s cancelled()", s.cancelled())
    try:
        await p
    except asyncio.CancelledError as e:
        print(f"await p raised CancelledError({str(e)!r})")
    print("p cancelled()", p.cancelled(), "cancel again:", p.cancel())

asyncio.run(main())
