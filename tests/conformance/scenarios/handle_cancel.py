# Cancelled handles never run; cancelling twice is harmless; cancelled() says so.
import asyncio

loop = asyncio.new_event_loop()


def say(x):
    print("run", x)


h1 = loop.call_soon(say, 1)
h2 = loop.call_soon(say, 2)
h3 = loop.call_soon(say, 3)
t1 = loop.call_later(0.1, say, "timer 0.1")
t2 = loop.call_later(0.2, say, "timer 0.2")


def canceller():
    print("canceller runs: cancels 3 and timer 0.2")
    h3.cancel()
    t2.cancel()
    t2.cancel()


h0 = loop.call_soon(canceller)
h2.cancel()
print("h2 cancelled:", h2.cancelled(), "h1 cancelled:", h1.cancelled())
loop.call_later(0.5, loop.stop)
loop.run_forever()
print("h3 cancelled:", h3.cancelled(), "t2 cancelled:", t2.cancelled(), "t1 cancelled:", t1.cancelled())
print(f"t2 when {t2.when():.3f}")
loop.close()
