# ensure_future: a future comes back as is, a coroutine becomes a task,
# anything else is a TypeError.
import asyncio


class Awaitable:
    def __await__(self):
        yield
        return "from __await__"


async def coro():
    return "from coroutine"


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print("same future:", asyncio.ensure_future(f) is f)
    t = asyncio.ensure_future(coro())
    print("coroutine becomes a Task:", isinstance(t, asyncio.Task), await t)
    a = asyncio.ensure_future(Awaitable())
    print("awaitable wrapped:", isinstance(a, asyncio.Task), await a)
    for bad in [42, [1, 2], "text"]:
        try:
            asyncio.ensure_future(bad)
        except TypeError as e:
            print(f"{type(e).__name__}: {e}")
    print("isfuture:", asyncio.isfuture(f), asyncio.isfuture(t), asyncio.isfuture(coro))
    c = coro()
    print("iscoroutine:", asyncio.iscoroutine(c), asyncio.iscoroutine(f))
    c.close()
    try:
        await asyncio.gather(42)
    except TypeError as e:
        print(f"gather: {type(e).__name__}: {e}")

asyncio.run(main())
