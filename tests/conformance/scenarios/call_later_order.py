# Timers fire in deadline order, and loop.time() jumps to each deadline.
import asyncio

loop = asyncio.new_event_loop()
start = loop.time()
print(f"start {start:.3f}")


def fire(name):
    print(f"{name} at {loop.time() - start:.3f}")


loop.call_later(0.3, fire, "c")
loop.call_later(0.1, fire, "a")
loop.call_later(0.2, fire, "b")
loop.call_at(start + 0.15, fire, "call_at 0.15")
loop.call_later(0, fire, "zero")
loop.call_later(-5, fire, "negative")
h = loop.call_later(0.25, fire, "d")
print(f"when of d: {h.when() - start:.3f}")
loop.call_later(0.5, loop.stop)
loop.run_forever()
print(f"end {loop.time() - start:.3f}")
loop.close()
