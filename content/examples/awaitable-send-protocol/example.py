class Step:
    """An awaitable whose iterator yields its label once."""

    def __init__(self, label):
        self.label = label

    def __await__(self):
        reply = yield self.label  # travels out through every await to whoever sends
        return reply


async def inner():
    a = await Step("first")
    b = await Step("second")
    return a + b


async def outer():
    total = await inner()  # await delegates: outer -> inner -> Step's iterator
    return total * 10


coro = outer()  # no event loop: we play its part and call send() ourselves
print("send(None) ->", coro.send(None))
print("send(1) ->", coro.send(1))
try:
    coro.send(2)
except StopIteration as stop:
    print("send(2) -> StopIteration, value =", stop.value)
