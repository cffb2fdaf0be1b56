# A task does not run when created: its first step is scheduled with call_soon,
# so it runs after callbacks scheduled before it and before those after it.
import asyncio


async def body(name):
    print(f"{name} step 1")
    await asyncio.sleep(0)
    print(f"{name} step 2")
    return name


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "soon before")
    t1 = asyncio.create_task(body("t1"))
    loop.call_soon(print, "soon between")
    t2 = asyncio.create_task(body("t2"))
    loop.call_soon(print, "soon after")
    print("main created both; t1 done:", t1.done())
    r = await t1
    print("main got", r)
    print("main got", await t2)

asyncio.run(main())
