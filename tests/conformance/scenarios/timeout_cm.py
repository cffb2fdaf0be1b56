# asyncio.timeout(): the block is cancelled at the deadline and TimeoutError
# comes out of the async with; reschedule() moves the deadline.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1) as cm:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print(f"inside: CancelledError at {loop.time():.3f}")
                raise
    except TimeoutError as e:
        print(f"outside: {type(e).__name__} {str(e)!r}; expired={cm.expired()}")
        print("cause:", type(e.__cause__).__name__)

    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.5)
    print(f"in time: expired={cm.expired()} at {loop.time():.3f}")

    start = loop.time()
    try:
        async with asyncio.timeout(None) as cm:
            print("when:", cm.when())
            cm.reschedule(loop.time() + 0.25)
            print(f"when: {cm.when() - start:.3f}")
            await asyncio.sleep(1)
    except TimeoutError:
        print(f"rescheduled deadline hit after {loop.time() - start:.3f}")

    start = loop.time()
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            print("past deadline: body starts")
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print(f"past deadline: TimeoutError after {loop.time() - start:.3f}")

    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("swallowed the cancellation")
        print("no TimeoutError when the block swallows it")
    except TimeoutError:
        print("TimeoutError even though the block swallowed it")

asyncio.run(main())
