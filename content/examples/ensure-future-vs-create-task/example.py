import asyncio


async def job(name):
    await asyncio.sleep(0)
    return name


async def main():
    loop = asyncio.get_running_loop()

    t1 = asyncio.ensure_future(job("a"))  # a coroutine: wrapped in a new Task
    print("ensure_future(coroutine) is a Task:", isinstance(t1, asyncio.Task))

    fut = loop.create_future()
    t2 = asyncio.ensure_future(fut)  # already a future: returned as it is
    print("ensure_future(future) is the same future:", t2 is fut)

    t3 = asyncio.create_task(job("c"))  # create_task: coroutines only
    print("create_task(coroutine) is a Task:", isinstance(t3, asyncio.Task))
    try:
        asyncio.create_task(fut)
    except TypeError:
        print("create_task(future) raises TypeError")

    loop.call_soon(fut.set_result, "b")
    print("results:", await t1, await t2, await t3)


asyncio.run(main())
