# Each loop iteration runs exactly the callbacks that were ready when it began.
# A self-rescheduling callback therefore runs once per iteration.
import asyncio

loop = asyncio.new_event_loop()
turn = 0


def tick():
    global turn
    turn += 1
    print(f"tick {turn}")
    if turn < 4:
        loop.call_soon(tick)
    else:
        loop.stop()


def other(n):
    print(f"other {n} (tick count {turn})")
    if n < 3:
        loop.call_soon(other, n + 1)


loop.call_soon(tick)
loop.call_soon(other, 1)
loop.run_forever()
loop.close()
