import asyncio
import types


def gen():  # 1. generator
    yield 1
    yield 2


@types.coroutine
def gen_coro():  # 2. generator-based coroutine
    yield  # a bare yield: one loop turn
    return "gen_coro"


async def native():  # 3. native coroutine
    await gen_coro()
    return "native"


def show(kind, driver, value):
    print(f"{kind:<26}| {driver:<34}| {value}")


async def main():
    loop = asyncio.get_running_loop()
    show("generator", "next(), here from list()", list(gen()))
    show("generator-based coroutine", "await, i.e. yield from", await gen_coro())
    show("native coroutine", "await", await native())
    fut = loop.create_future()  # 4. Future
    loop.call_soon(fut.set_result, "future")
    show("Future", "whoever calls set_result()", await fut)
    task = asyncio.create_task(native())  # 5. Task
    show("Task", "the event loop, calling send()", await task)


asyncio.run(main())
