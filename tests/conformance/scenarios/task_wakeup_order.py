# When a task finishes, its done callbacks run in the order they were added,
# which decides which awaiting task resumes first.
import asyncio


async def target():
    await asyncio.sleep(0.1)
    return "value"


async def awaiter(t, name):
    r = await t
    print(f"{name} resumed with {r}")


async def main():
    t = asyncio.create_task(target())
    t.add_done_callback(lambda f: print("callback 1"))
    a = asyncio.create_task(awaiter(t, "a"))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: print("callback 2"))
    b = asyncio.create_task(awaiter(t, "b"))
    await asyncio.sleep(0)
    await asyncio.gather(a, b)
    asyncio.get_running_loop().call_soon(lambda: print("current_task in a callback:", asyncio.current_task()))
    await asyncio.sleep(0)

asyncio.run(main())
