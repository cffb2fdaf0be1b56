# Awaiting a finished future or task gives its result at once; awaiting a
# failed one raises its exception; awaiting the same future twice is fine.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    order = []
    loop.call_soon(order.append, "callback")
    order.append(await f)
    order.append(await f)
    print(order)
    g = loop.create_future()
    g.set_exception(ValueError("stored"))
    for _ in range(2):
        try:
            await g
        except ValueError as e:
            print("raised", e)
    await asyncio.sleep(0)
    print(order)

asyncio.run(main())
