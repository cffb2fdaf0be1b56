# A task's result and exception, and what a Task refuses to do.
import asyncio


def fmt(e):
    return f"{type(e).__name__}: {e}"


async def fails():
    await asyncio.sleep(0)
    raise RuntimeError("task failed")


async def main():
    t = asyncio.create_task(fails(), name="failing")
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("result() early:", fmt(e))
    for what, call in [("set_result", lambda: t.set_result(1)),
                       ("set_exception", lambda: t.set_exception(ValueError()))]:
        try:
            call()
        except RuntimeError as e:
            print(what, fmt(e))
    try:
        await t
    except RuntimeError as e:
        print("await:", fmt(e))
    print("exception():", fmt(t.exception()))
    print("name:", t.get_name())
    t.set_name("renamed")
    print("name:", t.get_name())
    print("done:", t.done(), "cancelled:", t.cancelled())

asyncio.run(main())
