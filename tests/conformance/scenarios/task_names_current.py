# Default task names count up from Task-1 across the process; current_task()
# and all_tasks() see the running tasks.
import asyncio


async def child(n):
    me = asyncio.current_task()
    print(f"child {n} is {me.get_name()}")
    await asyncio.sleep(n * 0.1)


async def main():
    print("main is", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(child(i)) for i in range(1, 4)]
    named = asyncio.create_task(child(9), name="special")
    await asyncio.sleep(0)
    print("all tasks:", len(asyncio.all_tasks()))
    print("names:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*tasks, named)
    print("after gather:", len(asyncio.all_tasks()))
    print("coro of named is a coroutine:", asyncio.iscoroutine(named.get_coro()))

asyncio.run(main())
asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print(f"outside: {type(e).__name__}: {e}")
