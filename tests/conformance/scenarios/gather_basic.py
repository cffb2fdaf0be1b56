# gather keeps argument order, not completion order; the first exception is
# raised at once while the other children keep running; return_exceptions
# collects errors as values.
import asyncio


def fmt(e):
    return f"{type(e).__name__}: {e}"


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    print(f"{name} finishes at {asyncio.get_running_loop().time():.3f}")
    if fail:
        raise ValueError(f"{name} failed")
    return name.upper()


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.gather(job("a", 0.3), job("b", 0.1), job("c", 0.2)))
    print("empty gather:", await asyncio.gather())
    try:
        await asyncio.gather(job("d", 0.2), job("e", 0.1, fail=True), job("f", 0.3))
    except ValueError as e:
        print(f"gather raised {fmt(e)} at {loop.time():.3f}")
    await asyncio.sleep(0.5)
    res = await asyncio.gather(job("g", 0.1, fail=True), job("h", 0.2), return_exceptions=True)
    print([fmt(r) if isinstance(r, BaseException) else r for r in res])
    fut = loop.create_future()
    loop.call_later(0.1, fut.set_result, "plain future")
    print(await asyncio.gather(fut, job("i", 0.05)))
    same = job("j", 0)
    t = asyncio.ensure_future(same)
    print(await asyncio.gather(t, t, t))

asyncio.run(main())
