# Condition: notify(n) wakes the n longest waiters, notify_all wakes the rest,
# each reacquiring the lock in turn; wait_for re-checks its predicate.
import asyncio


async def waiter(cond, name):
    async with cond:
        print(f"{name} waits")
        await cond.wait()
        print(f"{name} woke, holds lock: {cond.locked()}")


async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(waiter(cond, f"w{i}")) for i in range(5)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        print("notified 2")
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify_all()
        print("notified all")
    await asyncio.gather(*ts)
    try:
        cond.notify()
    except RuntimeError as e:
        print(f"{type(e).__name__}: {e}")

    state = {"n": 0}

    async def checker():
        async with cond:
            r = await cond.wait_for(lambda: state["n"] >= 3)
            print("predicate true with n =", state["n"], "returned", r)

    t = asyncio.create_task(checker())
    for i in range(4):
        await asyncio.sleep(0.1)
        async with cond:
            state["n"] += 1
            print("n =", state["n"])
            cond.notify()
    await t

asyncio.run(main())
