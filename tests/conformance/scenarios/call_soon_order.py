# call_soon runs callbacks first-in first-out, with their arguments; a callback
# scheduled while the loop runs a batch waits for the next batch.
import asyncio

loop = asyncio.new_event_loop()
log = []


def cb(name, *args):
    print("run", name, *args)


def spawner(name):
    print("run", name, "(schedules more)")
    loop.call_soon(cb, name + ".child1")
    loop.call_soon(cb, name + ".child2")


def stopper():
    print("stop requested")
    loop.stop()


loop.call_soon(cb, "a", 1, 2)
loop.call_soon(spawner, "b")
loop.call_soon(cb, "c")
loop.call_soon(spawner, "d")
loop.call_soon(cb, "e", "x")
loop.call_later(0.001, stopper)
loop.run_forever()
print("running:", loop.is_running())
loop.close()
print("closed:", loop.is_closed())
