# Task.cancelling() counts pending cancel requests; uncancel() takes one back.
import asyncio


async def sleeper():
    for i in range(3):
        try:
            await asyncio.sleep(1)
            print(f"round {i} slept")
        except asyncio.CancelledError:
            me = asyncio.current_task()
            print(f"round {i} cancelled, cancelling()={me.cancelling()}")
            print(f"uncancel() -> {me.uncancel()}")
    return "survived"


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("cancel 1:", t.cancel(), "cancelling", t.cancelling())
    print("cancel 2:", t.cancel(), "cancelling", t.cancelling())
    await asyncio.sleep(0)
    print("after one turn cancelling", t.cancelling())
    await asyncio.sleep(1.5)
    t.cancel()
    print("result:", await t, "cancelling", t.cancelling())

asyncio.run(main())
