from collections import deque


def worker(name, steps):
    for i in range(steps):
        print(f"{name}: step {i}")
        yield  # pause: control goes back to the scheduler
    return f"{name} finished"


def run(coros):
    ready = deque(coros)  # the ready queue
    while ready:
        coro = ready.popleft()
        try:
            coro.send(None)  # resume it until its next yield
        except StopIteration as stop:
            print("  ->", stop.value)  # returned: drop it
        else:
            ready.append(coro)  # paused: back to the end of the queue


run([worker("A", 2), worker("B", 3)])
