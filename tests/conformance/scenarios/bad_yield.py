# What a task does with values its coroutine should not yield: it throws a
# RuntimeError back in at that yield, on the next loop turn.
import asyncio


class YieldsFuturePlainly:
    """__await__ yields a future without marking it blocking (yield, not yield from)."""

    def __init__(self, fut):
        self.fut = fut

    def __await__(self):
        return (yield self.fut)


class YieldsValue:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        return (yield self.value)


class YieldsNothing:
    def __await__(self):
        return (yield)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        await YieldsFuturePlainly(fut)
    except RuntimeError as e:
        print("plain yield of a future:", str(e).split(" in task ")[0])
    for v in [42, "text", [1, 2]]:
        try:
            await YieldsValue(v)
        except RuntimeError as e:
            print(f"{type(e).__name__}: {e}")
    print("bare yield gives back:", repr(await YieldsNothing()))
    other_loop = asyncio.new_event_loop()
    other = other_loop.create_future()
    try:
        await other
    except RuntimeError as e:
        print("other loop's future:", "attached to a different loop" in str(e))
    other_loop.close()
    print("future still pending:", not fut.done())
    return "main survived"

print(asyncio.run(main()))
