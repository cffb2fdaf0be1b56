# A bare yield in a generator-based coroutine gives the loop exactly one turn,
# like sleep(0), and the task is resumed with None.
import asyncio
import types


@types.coroutine
def one_turn():
    v = yield
    return v


async def worker(name):
    for i in range(3):
        print(name, i)
        got = await one_turn()
        assert got is None
    return name


async def main():
    a = asyncio.create_task(worker("a"))
    b = asyncio.create_task(worker("b"))
    print(await a, await b)

asyncio.run(main())
