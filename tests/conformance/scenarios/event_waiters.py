# Event: every waiter wakes when it is set, in the order they started waiting.
import asyncio


async def waiter(ev, name):
    print(f"{name} waits")
    r = await ev.wait()
    print(f"{name} woke with {r}")


async def main():
    ev = asyncio.Event()
    print("is_set", ev.is_set())
    ts = [asyncio.create_task(waiter(ev, n)) for n in ["w1", "w2", "w3"]]
    await asyncio.sleep(0.5)
    ev.set()
    print("set; is_set", ev.is_set())
    ev.set()
    await asyncio.gather(*ts)
    print("already set:", await ev.wait())
    ev.clear()
    print("cleared; is_set", ev.is_set())
    t = asyncio.create_task(waiter(ev, "w4"))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await t
    print("w4 woke although the event was cleared again; is_set", ev.is_set())

asyncio.run(main())
