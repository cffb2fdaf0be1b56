# Callbacks get their positional arguments; a handle cancelled from inside
# the same batch is skipped; timers cancelled early leave the order intact.
import asyncio

loop = asyncio.new_event_loop()
seen = []


def rec(*args):
    seen.append(args)
    print("rec", *[repr(a) for a in args])


handles = []


def cancel_next():
    print("cancel_next cancels the handle after it")
    handles[2].cancel()


handles.append(loop.call_soon(rec, 1, "two", None))
handles.append(loop.call_soon(cancel_next))
handles.append(loop.call_soon(rec, "should not run"))
handles.append(loop.call_soon(rec))
timers = [loop.call_later(0.1 * (i % 3), rec, f"timer{i}") for i in range(6)]
timers[1].cancel()
timers[4].cancel()
loop.call_later(1, loop.stop)
loop.run_forever()
print("ran", len(seen), "callbacks")
loop.close()
