import asyncio

background_tasks = set()  # the loop keeps only weak references to tasks


async def print_every_second_coroutine(name):
    """Print seconds"""
    for i in range(10):
        print(i, 's (coroutine {})'.format(name))
        await asyncio.sleep(1)
    asyncio.get_running_loop().stop()


def print_every_seconds_callback(i):
    print(i, 's (callback)')
    loop = asyncio.get_running_loop()
    loop.call_later(1.0, print_every_seconds_callback, i + 1)


def print_every_seconds_callback_to_coroutine():
    task = asyncio.get_running_loop().create_task(print_every_second_coroutine('8'))
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)


if __name__ == '__main__':
    loop = asyncio.new_event_loop()
    loop.call_soon(print_every_seconds_callback, 0)
    loop.call_soon(print_every_seconds_callback_to_coroutine)
    task_a = loop.create_task(print_every_second_coroutine('A'))
    loop.run_forever()
    pending = asyncio.all_tasks(loop)  # e.g. '8' if its timer was not yet due
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.wait(pending))
    loop.close()
