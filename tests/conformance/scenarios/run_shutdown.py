# asyncio.run cancels leftover tasks and waits for them (their finally blocks
# run) before closing the loop; it returns main's result.
import asyncio


async def background(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} finished normally")
    finally:
        print(f"{name} finally")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: cancelled, cleaning up for one more turn")
        await asyncio.sleep(0)
        print("stubborn: cleanup done")
        raise


async def main():
    asyncio.create_task(background("short", 0.1))
    asyncio.create_task(background("long", 100))
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    print("main returns")
    return "main result"

result = asyncio.run(main())
print("run returned", result)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(f"{type(e).__name__}: {e}")


async def nested():
    coro = asyncio.sleep(0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")
    coro.close()

asyncio.run(nested())
try:
    asyncio.run(42)
except ValueError as e:
    print(f"{type(e).__name__}: {str(e).split(',')[0]}")
