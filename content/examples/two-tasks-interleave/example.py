import asyncio


async def worker(name, delay):
    loop = asyncio.get_running_loop()
    for step in range(3):
        print(f"{loop.time():.1f} {name}: step {step}")
        await asyncio.sleep(delay)  # hand control back to the event loop


async def main():
    a = asyncio.create_task(worker("A", 1.0))
    b = asyncio.create_task(worker("B", 1.5))
    await a
    await b
    print(f"{asyncio.get_running_loop().time():.1f} both done")


asyncio.run(main())
