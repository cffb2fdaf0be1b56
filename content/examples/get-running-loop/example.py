import asyncio


async def main():
    # Inside a coroutine, ask for the loop that is running it.
    loop = asyncio.get_running_loop()
    loop.call_later(0.5, print, "callback on the running loop")
    await asyncio.sleep(1)
    print("same loop for every task:", asyncio.current_task().get_loop() is loop)
    return "done"


# Outside any loop there is no running loop to ask for: it raises, always.
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside a loop:", e)

# asyncio.run() makes the loop, runs main() to the end, and closes the loop.
print(asyncio.run(main()))
