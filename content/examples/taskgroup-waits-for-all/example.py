import asyncio


async def fetch(name, delay):
    loop = asyncio.get_running_loop()
    await asyncio.sleep(delay)
    print(f"{loop.time():.1f} {name}: done")
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    # Every task created in the group is awaited when the block ends:
    # no task can outlive the block that started it.
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(fetch("a", 2.0))
        b = tg.create_task(fetch("b", 1.0))
        c = tg.create_task(fetch("c", 1.5))
        print(f"{loop.time():.1f} three tasks started")
    print(f"{loop.time():.1f} block ended, results: {[a.result(), b.result(), c.result()]}")


asyncio.run(main())
