import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"{loop.time() - start:.1f} s: hello")
    await asyncio.sleep(1)  # main pauses here; the event loop waits for the timer
    print(f"{loop.time() - start:.1f} s: world")


asyncio.run(main())  # creates the event loop, runs main() to the end, closes the loop
