import asyncio


async def ticker():
    loop = asyncio.get_running_loop()
    try:
        for i in range(5):
            print(f"{loop.time():.1f} tick {i}")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} ticker cancelled when the runner closed")
        raise


async def start_ticker():
    return asyncio.create_task(ticker())


# One loop for several run() calls: a task started in one call keeps running in the next.
with asyncio.Runner() as runner:
    task = runner.run(start_ticker())
    runner.run(asyncio.sleep(2.5))
    loop = runner.get_loop()
    print("loop closed inside the block:", loop.is_closed())
# Leaving the block closes the runner: leftover tasks are cancelled, then the loop closes.
print("loop closed after the block:", loop.is_closed(), "| task cancelled:", task.cancelled())
