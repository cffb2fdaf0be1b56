# sleep(0) yields one loop turn; tasks take turns in the order they were woken.
import asyncio


async def worker(name, n):
    for i in range(n):
        print(f"{name} {i}")
        await asyncio.sleep(0)
    print(f"{name} done")


async def main():
    a = asyncio.create_task(worker("A", 3))
    b = asyncio.create_task(worker("B", 2))
    c = asyncio.create_task(worker("C", 4))
    await asyncio.sleep(0)
    print("main after one sleep(0)")
    await a
    print("main after A")
    await c
    print("main after C; B done:", b.done())

asyncio.run(main())
