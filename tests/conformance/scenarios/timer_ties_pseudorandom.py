# Many timers whose deadlines collide, added in a pseudo-random order (a small
# LCG, identical in both languages), some cancelled. The firing order is fixed
# by the heap's sift steps.
import asyncio

loop = asyncio.new_event_loop()
seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


fired = []


def fire(name):
    fired.append(name)


def scheduler(round_no):
    handles = []
    for i in range(40):
        delay = rnd(5) * 0.25
        handles.append(loop.call_later(delay, fire, f"{round_no}.{i}"))
    for j in range(8):
        handles[rnd(40)].cancel()


loop.call_soon(scheduler, "A")
loop.call_later(0.5, scheduler, "B")
loop.call_later(10, loop.stop)
loop.run_forever()
for k in range(0, len(fired), 10):
    print(" ".join(fired[k:k + 10]))
print("count", len(fired))
loop.close()
