# Cancelling a future schedules its callbacks; a cancelled future raises
# CancelledError carrying the message.
import asyncio

loop = asyncio.new_event_loop()


def report(fut):
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print(f"callback sees CancelledError({str(e)!r}), cancelled={fut.cancelled()}")


f = loop.create_future()
f.add_done_callback(report)
print("cancel:", f.cancel("because"))
print("cancel again:", f.cancel("again"))


async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print(f"waiter caught CancelledError({str(e)!r})")
        return "caught"

g = loop.create_future()
t = loop.create_task(waiter(g))
loop.call_soon(g.cancel, "from the future")
print("task result:", loop.run_until_complete(t))
loop.close()
