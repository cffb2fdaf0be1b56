import asyncio


class PaymentError(Exception):
    pass


async def slow(name):
    try:
        await asyncio.sleep(5)
        print(f"{name}: finished")
    except asyncio.CancelledError:
        print(f"{name}: cancelled by the group")
        raise


async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow("report"))
            tg.create_task(fail(1, ValueError("bad amount")))
            tg.create_task(fail(1, PaymentError("card declined")))
    except* ValueError as eg:
        print("ValueError:", [str(e) for e in eg.exceptions])
    except* PaymentError as eg:
        print("PaymentError:", [str(e) for e in eg.exceptions])
    print(f"{asyncio.get_running_loop().time():.1f} main goes on")


asyncio.run(main())
