# asyncio.Runner: one loop made on first use and set as current, several run() calls on
# it (a task started in one carries on, moving only inside a run), close() cancelling
# what is left; the errors of a closed runner, a non-coroutine and a run from inside a
# running loop; a loop_factory's loop is not made current.
import asyncio


async def ticker():
    loop = asyncio.get_running_loop()
    try:
        while True:
            print(f"{loop.time():.1f} tick")
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{loop.time():.1f} ticker cancelled")
        raise


async def start():
    return asyncio.create_task(ticker(), name="ticker")


def refused(label, runner):
    """A run() the runner refuses with RuntimeError; its coroutine is closed unawaited."""
    coro = asyncio.sleep(0)
    try:
        runner.run(coro)
    except RuntimeError as e:
        print(label, e)
    coro.close()


async def run_inside(runner):
    refused("inside a running loop:", runner)


async def boom():
    await asyncio.sleep(0.5)
    raise ValueError("boom")


runner = asyncio.Runner()
runner.close()
print("close() before first use does nothing")
loop = runner.get_loop()
print("get_loop() made it:", not loop.is_closed(), "| current:", asyncio.get_event_loop() is loop)
try:
    runner.run(5)
except ValueError as e:
    print("ValueError:", e)
task = runner.run(start())
print("run() returned the task:", task.get_name(), "| done:", task.done())
print(runner.run(asyncio.sleep(2.5, result="slept")), f"at {loop.time():.1f}")
print("between runs the loop is not running:", not loop.is_running())
runner.run(run_inside(runner))
try:
    runner.run(boom())
except ValueError as e:
    print(f"run() raised ValueError: {e} at {loop.time():.1f}")
print("same loop every time:", runner.get_loop() is loop)
runner.close()
print("closed:", loop.is_closed(), "| ticker cancelled:", task.cancelled())
refused("run() after close:", runner)
try:
    runner.get_loop()
except RuntimeError as e:
    print("get_loop() after close:", e)
runner.close()
print("a second close() does nothing")

made = asyncio.new_event_loop()
other = asyncio.Runner(loop_factory=lambda: made)
print("loop_factory's loop:", other.get_loop() is made)
print(other.run(asyncio.sleep(1, result="ran on it")))
other.close()
print("closed by the runner:", made.is_closed())
