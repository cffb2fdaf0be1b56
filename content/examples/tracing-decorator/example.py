import asyncio
import functools
import types


def trace(func):
    """A decorator: takes a function and returns a function that wraps it."""
    @functools.wraps(func)
    def wrapper(*args):
        print(f"call {func.__name__}({', '.join(map(repr, args))})")
        result = func(*args)
        shown = "a generator" if isinstance(result, types.GeneratorType) else repr(result)
        print(f"{func.__name__} returned {shown}")
        return result
    return wrapper


@trace
def add(a, b):
    return a + b


@trace
@types.coroutine  # a generator-based coroutine that await accepts
def pause(turns):
    for i in range(turns):
        print(f"  pause: turn {i}")
        yield  # a bare yield gives the event loop one turn
    return turns


async def main():
    print("add gave", add(2, 3))
    print("pause gave", await pause(2))  # the trace sees the call, not the turns


asyncio.run(main())
