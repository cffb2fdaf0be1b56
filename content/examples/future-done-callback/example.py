import asyncio


def on_done(fut):
    print("callback: result() =", fut.result())


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    print("done() before:", fut.done())
    fut.set_result(42)  # schedules on_done with call_soon; does not call it
    print("done() after set_result():", fut.done())
    print("main goes on; the callback waits for the next loop turn")
    await asyncio.sleep(0)  # give the event loop one turn
    fut.add_done_callback(lambda f: print("late callback: scheduled too"))
    print("added a callback to a future that is already done")
    await asyncio.sleep(0)
    print("main: done")


asyncio.run(main())
