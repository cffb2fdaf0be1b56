# wait_for: a result in time, or the inner task cancelled (finally runs) and
# TimeoutError raised from the CancelledError.
import asyncio


async def slow(delay):
    try:
        await asyncio.sleep(delay)
        return f"slept {delay}"
    finally:
        print(f"slow({delay}) finally at {asyncio.get_running_loop().time():.3f}")


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(slow(0.5), timeout=1))
    try:
        await asyncio.wait_for(slow(5), timeout=1)
    except asyncio.TimeoutError as e:
        print(f"{type(e).__name__} {str(e)!r} at {loop.time():.3f}")
        print("cause:", type(e.__cause__).__name__)
        print("is builtin TimeoutError:", isinstance(e, TimeoutError))
    print(await asyncio.wait_for(slow(0.1), timeout=None))
    try:
        await asyncio.wait_for(slow(1), timeout=0)
    except asyncio.TimeoutError as e:
        print(f"timeout=0 raised {type(e).__name__} at {loop.time():.3f}")
    fut = loop.create_future()
    try:
        await asyncio.wait_for(fut, 0.25)
    except asyncio.TimeoutError:
        print("plain future cancelled:", fut.cancelled())

asyncio.run(main())
