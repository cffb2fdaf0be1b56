# stop() finishes the current batch, then run_forever returns. stop() before
# run_forever makes it run exactly one iteration. run_forever can be resumed.
import asyncio

loop = asyncio.new_event_loop()


def say(x):
    print("run", x)


def stopper():
    print("stopper")
    loop.stop()
    loop.call_soon(say, "scheduled by stopper")


loop.call_soon(say, 1)
loop.call_soon(stopper)
loop.call_soon(say, 2)
loop.run_forever()
print("-- returned")
loop.stop()
loop.call_soon(say, 3)
loop.run_forever()
print("-- returned after one iteration")
loop.call_soon(say, 4)
loop.call_later(1, stopper)
loop.run_forever()
print(f"-- time {loop.time():.3f}")
loop.close()
