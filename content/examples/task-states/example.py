import asyncio


async def work():
    print("  work: started")
    await asyncio.sleep(1)
    print("  work: finishing")
    return "result!"


async def main():
    task = asyncio.create_task(work())  # pending: scheduled, not started
    print("created: done() =", task.done())
    try:
        task.result()
    except asyncio.InvalidStateError as e:
        print("result() too early:", e)
    await asyncio.sleep(0)  # one loop turn: the task runs up to its await
    print("suspended: done() =", task.done())
    await task
    print("finished: done() =", task.done(), "cancelled() =", task.cancelled())
    print("result() =", task.result())

    other = asyncio.create_task(work())
    await asyncio.sleep(0)
    other.cancel()  # CancelledError is thrown in at its await
    try:
        await other
    except asyncio.CancelledError:
        print("other: done() =", other.done(), "cancelled() =", other.cancelled())


asyncio.run(main())
