# When more than 100 timers are scheduled and over half are cancelled, the loop
# rebuilds its heap (heapify); equal deadlines then come out in the new order.
import asyncio

loop = asyncio.new_event_loop()
fired = []
handles = []
for i in range(150):
    handles.append(loop.call_at(5.0 + (i % 4), fired.append, i))
for i in range(150):
    if i % 3 != 0:
        handles[i].cancel()
loop.call_at(1.0, lambda: fired.append("first"))
loop.call_at(20.0, loop.stop)
loop.run_forever()
print(fired[0], len(fired) - 1)
rest = fired[1:]
for k in range(0, len(rest), 10):
    print(" ".join(str(x) for x in rest[k:k + 10]))
loop.close()
