# Two tasks awaiting the same failing task both receive its exception; the
# failure is stored once.
import asyncio


async def fails():
    await asyncio.sleep(0.2)
    raise ValueError("shared failure")


async def watcher(t, name):
    try:
        await t
    except ValueError as e:
        print(f"{name} got {type(e).__name__}: {e}")
        return e


async def main():
    t = asyncio.create_task(fails())
    e1, e2 = await asyncio.gather(watcher(t, "w1"), watcher(t, "w2"))
    print("same exception object:", e1 is e2 and e1 is t.exception())

asyncio.run(main())
