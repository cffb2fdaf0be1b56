# A call short of a required positional argument fails at the call, before anything
# runs, with the function's name and the missing parameters' names (Python/ceval.c's
# missing_arguments), even for wait_for (a coroutine function) and as_completed (a
# generator function): nothing is awaited or iterated here.
import asyncio


def attempt(label, fn):
    try:
        fn()
        print(label, "-> no error")
    except TypeError as e:
        print(label, "raises", e)


async def main():
    loop = asyncio.get_running_loop()
    attempt("sleep()", lambda: asyncio.sleep())
    attempt("timeout()", lambda: asyncio.timeout())
    attempt("timeout_at()", lambda: asyncio.timeout_at())
    attempt("create_task()", lambda: asyncio.create_task())
    attempt("ensure_future()", lambda: asyncio.ensure_future())
    attempt("shield()", lambda: asyncio.shield())
    attempt("call_soon()", lambda: loop.call_soon())
    attempt("call_later()", lambda: loop.call_later())
    attempt("call_later(1)", lambda: loop.call_later(1))
    attempt("call_at(1)", lambda: loop.call_at(1))
    attempt("run_until_complete()", lambda: loop.run_until_complete())
    attempt("wait_for(fut)", lambda: asyncio.wait_for(loop.create_future()))
    attempt("wait_for()", lambda: asyncio.wait_for())
    attempt("as_completed()", lambda: asyncio.as_completed())
    f1, f2 = loop.create_future(), loop.create_future()
    attempt("wait(f1, f2)", lambda: asyncio.wait(f1, f2))
    attempt("wait()", lambda: asyncio.wait())
    print("done")


asyncio.run(main())
