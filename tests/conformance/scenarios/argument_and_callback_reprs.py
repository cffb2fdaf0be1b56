# Values and callbacks as reprs show them, and arguments refused in CPython's words.
# A partial (wait_for's _release_waiter) shows the argument it binds, a closure its
# qualified name; a future's result goes through reprlib (ends kept, six list items,
# four dict items with sorted keys, six levels, 40 digits). wait() and as_completed()
# refuse what is not iterable; athrow() makes an instance of a class and refuses a
# non-exception without touching the generator. (CPython adds each callback's source
# file and line, which no twin has: `norm` drops them here.)
import asyncio
import re


def norm(s):
    return re.sub(r'\) at [^ >\]]+:\d+', ')', s)


def attempt(label, fn):
    try:
        print(label, "->", repr(fn()))
    except BaseException as e:
        print(label, "raises", f"{type(e).__name__}: {e}")


async def aattempt(label, make):
    try:
        print(label, "->", repr(await make()))
    except BaseException as e:
        print(label, "raises", f"{type(e).__name__}: {e}")


async def catcher():
    while True:
        try:
            yield "ready"
        except Exception as e:
            print("caught", type(e).__name__, repr(str(e)))


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    asyncio.create_task(asyncio.wait_for(f, 1))
    await asyncio.sleep(0)
    print(norm(repr(f)))
    f2 = loop.create_future()
    asyncio.create_task(asyncio.wait([f2]))
    await asyncio.sleep(0)
    print(norm(repr(f2)))
    g = asyncio.gather(f2)
    print(norm(repr(f2)))
    f.set_result(1)
    f2.set_result(2)
    await asyncio.sleep(0.01)

    for v in ["s" * 31, "q'uote" * 6, list(range(7)), [[1, [2, [3, [4, [5, [6, [7]]]]]]]],
              {"b": 2, "a": 1, "e": 5, "d": 4, "c": 3}, 10 ** 50, {1, 2, 3, 4, 5, 6, 7},
              {30, 10, 20}, {"b": 1, 2: "x"}]:
        r = loop.create_future()
        r.set_result(v)
        print(repr(r))

    await aattempt("wait(42)", lambda: asyncio.wait(42))
    await aattempt("wait(None)", lambda: asyncio.wait(None))
    await aattempt("wait(return_when=None)", lambda: asyncio.wait([g], return_when=None))
    attempt("next(as_completed(None))", lambda: next(asyncio.as_completed(None)))

    c = catcher()
    print(await c.__anext__())
    await aattempt("athrow(RuntimeError)", lambda: c.athrow(RuntimeError))
    await aattempt("athrow(42)", lambda: c.athrow(42))
    await aattempt("anext after athrow(42)", c.__anext__)
    await aattempt("athrow(None)", lambda: c.athrow(None))
    await c.aclose()

asyncio.run(main())
