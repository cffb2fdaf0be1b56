import asyncio


def say(what):
    print(f"{asyncio.get_running_loop().time():.1f} {what}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(2, say, "call_later(2)")
    loop.call_later(1, say, "call_later(1)")
    loop.call_soon(say, "call_soon: first")
    loop.call_soon(say, "call_soon: second")
    say("main: nothing has run yet")
    await asyncio.sleep(3)  # only now does the event loop get to run the callbacks
    say("main: done")


asyncio.run(main())
