# Timers with equal deadlines come out of the heap in heapq's order, which is
# not insertion order once the heap has to sift.
import asyncio

loop = asyncio.new_event_loop()
order = []


def fire(name):
    order.append(name)


for i in range(12):
    loop.call_at(1.0, fire, f"t{i}")
loop.call_at(2.0, loop.stop)
loop.run_forever()
print("12 equal:", " ".join(order))

order.clear()
for i in range(7):
    loop.call_at(5.0, fire, f"u{i}")
    loop.call_at(4.0, fire, f"v{i}")
loop.call_at(6.0, loop.stop)
loop.run_forever()
print("two groups:", " ".join(order))
print(f"time {loop.time():.3f}")
loop.close()
