# Wrong types given to asyncio raise what CPython's own code raises on them: a delay
# or timeout that is no number fails where asyncio first adds or compares it; a future
# takes only exceptions; call_soon refuses a coroutine object (in debug mode); and
# values show as Python shows them (None, True, dicts) in reprs, names and messages.
import asyncio


def fmt(e):
    return f"{type(e).__name__}: {e}"


async def work():
    await asyncio.sleep(0.1)
    return 1


async def attempt(label, make):
    try:
        print(label, "->", await make())
    except (TypeError, ValueError, AttributeError, AssertionError, RuntimeError) as e:
        print(label, "raises", fmt(e))


def attempt_now(label, fn):
    try:
        print(label, "->", fn())
    except (TypeError, ValueError, AttributeError, AssertionError, RuntimeError) as e:
        print(label, "raises", fmt(e))


def cb():
    pass


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    attempt_now("set_exception(42)", lambda: fut.set_exception(42))
    attempt_now("set_exception('boom')", lambda: fut.set_exception("boom"))
    print("still pending:", fut)
    fut.set_result(None)
    print(fut)
    for value in (True, {"a": 1, "b": [1, None]}):
        f = loop.create_future()
        f.set_result(value)
        print(f)

    loop.set_debug(True)
    coro = work()
    attempt_now("call_soon(coroutine)", lambda: loop.call_soon(coro))
    coro.close()
    loop.set_debug(False)

    attempt_now("call_later('1')", lambda: loop.call_later("1", cb))
    attempt_now("call_later([1])", lambda: loop.call_later([1], cb))
    await attempt("sleep('1')", lambda: asyncio.sleep("1"))
    await attempt("sleep(None)", lambda: asyncio.sleep(None))
    t = asyncio.create_task(work())
    await attempt("wait([t], timeout='1')", lambda: asyncio.wait([t], timeout="1"))
    await attempt("wait([42])", lambda: asyncio.wait([42]))
    await t

    async def in_timeout(cm):
        async with cm:
            return "entered"

    attempt_now("timeout('1')", lambda: asyncio.timeout("1"))
    await attempt("timeout_at('x')", lambda: in_timeout(asyncio.timeout_at("x")))
    cm = asyncio.timeout(1)
    print(await in_timeout(cm), cm)

    attempt_now("set_event_loop(42)", lambda: asyncio.set_event_loop(42))
    attempt_now("set_event_loop('x')", lambda: asyncio.set_event_loop("x"))
    task = asyncio.create_task(work())
    for name in (None, True, ["a"], 7):
        task.set_name(name)
        print("name:", repr(task.get_name()))
    await task

    q = asyncio.Queue(2)
    q.put_nowait(1)
    q.put_nowait("two")
    print(str(q))
    attempt_now("Condition(42)", lambda: asyncio.Condition(42))
    cond = asyncio.Condition()

    async def wait_for_42():
        async with cond:
            return await cond.wait_for(42)

    await attempt("wait_for(42)", wait_for_42)
    attempt_now("Semaphore('2')", lambda: asyncio.Semaphore("2"))
    attempt_now("Semaphore(None)", lambda: asyncio.Semaphore(None))


asyncio.run(main())
