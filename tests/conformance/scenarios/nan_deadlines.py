# A deadline that is NaN (a delay computed from a missing value) is due at once, as
# CPython's _run_once decides: max(0, nan) waits 0, and `when >= end_time` is never
# true for NaN, so the timer is popped on the next turn. Nothing hangs.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    nan = float("nan")
    t0 = loop.time()
    loop.call_later(nan, print, "nan timer ran")
    loop.call_later(1, print, "1 s timer ran")
    loop.call_at(nan, print, "call_at(nan) ran")
    await asyncio.sleep(2)
    print("main slept 2 s, time moved", int(loop.time() - t0))
    t1 = loop.time()
    await asyncio.sleep(nan, "sleep(nan) result")
    print("sleep(nan) took", int(loop.time() - t1))
    try:
        async with asyncio.timeout(nan):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout(nan) timed out at once:", int(loop.time() - t1))
    try:
        await asyncio.wait_for(asyncio.sleep(5), nan)
    except TimeoutError:
        print("wait_for(..., nan) timed out at once:", int(loop.time() - t1))


asyncio.run(main())
