# async with: __aenter__/__aexit__ are awaited around the body; a truthy
# __aexit__ swallows the error; the value bound by "as" is __aenter__'s result.
import asyncio


class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print(f"enter {self.name}")
        await asyncio.sleep(0.1)
        return f"<{self.name}>"

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        what = "None" if exc_type is None else f"{exc_type.__name__}({exc})"
        print(f"exit {self.name} with {what}")
        return self.swallow


async def main():
    loop = asyncio.get_running_loop()
    async with Resource("r1") as v:
        print("body got", v)
    async with Resource("outer") as a:
        async with Resource("inner") as b:
            print("nested body", a, b)
    try:
        async with Resource("r2") as v:
            raise ValueError("oops")
    except ValueError as e:
        print("propagated:", e)
    async with Resource("r3", swallow=True):
        raise ValueError("swallowed")
    print(f"after all t={loop.time():.3f}")
    lock = asyncio.Lock()
    async with lock:
        print("inside lock: locked =", lock.locked())
    print("after lock: locked =", lock.locked())

asyncio.run(main())
