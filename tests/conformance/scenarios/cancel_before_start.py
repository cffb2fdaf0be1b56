# A task cancelled before its first step never runs its body at all.
import asyncio

started = []


async def body():
    started.append(True)
    print("body ran (should not)")


async def main():
    t = asyncio.create_task(body())
    print("cancel:", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError")
    print("started:", len(started), "cancelled:", t.cancelled())

    # cancel() then the task catches the error at its first await
    async def catcher():
        try:
            print("catcher starts")
            await asyncio.sleep(0)
            print("catcher was not cancelled?")
        except asyncio.CancelledError:
            print("catcher caught it at its first await")
        return "ok"

    t2 = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    t2.cancel()
    print("catcher:", await t2)

asyncio.run(main())
