import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    # A deadline for a whole block, not for one call: asyncio.timeout(delay).
    try:
        async with asyncio.timeout(1.5):
            await asyncio.sleep(1)
            print(f"{loop.time() - start:.1f} first step done")
            await asyncio.sleep(1)
            print("never printed: the deadline came first")
    except TimeoutError:
        print(f"{loop.time() - start:.1f} TimeoutError: the block took too long")

    # timeout_at() takes a loop time; reschedule() moves the deadline while inside.
    async with asyncio.timeout_at(loop.time() + 1) as cm:
        cm.reschedule(cm.when() + 2)
        await asyncio.sleep(2.5)
        print(f"{loop.time() - start:.1f} finished in time, expired: {cm.expired()}")

    task = asyncio.current_task()
    print(f"cancel requests left on the task: {task.cancelling()}")


asyncio.run(main())
