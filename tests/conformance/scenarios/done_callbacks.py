# Done callbacks are always scheduled with call_soon, never called at once,
# even when the future is already done; they run in the order added.
import asyncio

loop = asyncio.new_event_loop()


def cb(name):
    def inner(fut):
        print(f"{name}: result={fut.result()!r}")
    return inner


a, b, c = cb("a"), cb("b"), cb("c")
f = loop.create_future()
f.add_done_callback(a)
f.add_done_callback(b)
f.add_done_callback(a)
f.add_done_callback(c)
print("removed a:", f.remove_done_callback(a))
print("removed a again:", f.remove_done_callback(a))
f.add_done_callback(b)


def marker(x):
    print("marker", x)


loop.call_soon(marker, 1)
f.set_result("v")
print("set_result returned; nothing ran yet")
loop.call_soon(marker, 2)

done = loop.create_future()
done.set_result("early")
done.add_done_callback(cb("late-added"))
print("added to a done future; nothing ran yet")
loop.call_soon(marker, 3)
print("removed b:", f.remove_done_callback(b))
loop.call_later(0.1, loop.stop)
loop.run_forever()
loop.close()
