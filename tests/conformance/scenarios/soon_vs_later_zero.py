# call_later(0) goes through the timer heap: it becomes ready at the start of
# the next iteration, after callbacks already in the ready queue.
import asyncio

loop = asyncio.new_event_loop()


def say(x):
    print(x)


def first():
    print("first")
    loop.call_later(0, say, "later(0) from first")
    loop.call_soon(say, "soon from first")


loop.call_later(0, say, "later(0) a")
loop.call_soon(first)
loop.call_later(0, say, "later(0) b")
loop.call_soon(say, "soon b")
loop.call_later(0.001, loop.stop)
loop.run_forever()
loop.close()
