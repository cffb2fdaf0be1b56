# Sleeps on the virtual clock: time jumps straight to each deadline, even
# past the selector's one-day cap.
import asyncio


async def sleeper(name, delay):
    loop = asyncio.get_running_loop()
    r = await asyncio.sleep(delay, result=f"{name} slept")
    print(f"{r} {delay} -> t={loop.time():.3f}")


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.gather(sleeper("a", 0.3), sleeper("b", 0.1), sleeper("c", 0.2), sleeper("d", 0.1))
    print(f"after gather t={loop.time():.3f}")
    await asyncio.sleep(1.5)
    print(f"t={loop.time():.3f}")
    await asyncio.sleep(100000)
    print(f"after a long sleep t={loop.time():.3f}")
    await asyncio.sleep(-1)
    print(f"negative sleep t={loop.time():.3f}")

asyncio.run(main())
