import asyncio


def tick(loop, start, n):
    print(f"{loop.time() - start:.1f} s: tick {n}")
    if n == 5:
        loop.stop()  # the last one: stop run_forever()
        return
    loop.call_later(1.0, tick, loop, start, n + 1)  # a callback runs once: register again


loop = asyncio.new_event_loop()
loop.call_soon(tick, loop, loop.time(), 1)
loop.run_forever()
loop.close()
