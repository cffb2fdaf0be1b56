// asyncio.Runner: one loop made on first use and set as current, several run() calls on
// it (a task started in one carries on, moving only inside a run), close() cancelling
// what is left; the errors of a closed runner, a non-coroutine and a run from inside a
// running loop; a loop_factory's loop is not made current.
import * as asyncio from "asyncio";
import { print } from "../py";

function* ticker(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  try {
    for (;;) {
      print(`${loop.time().toFixed(1)} tick`);
      yield* asyncio.sleep(1);
    }
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${loop.time().toFixed(1)} ticker cancelled`);
    throw e;
  }
}

function* start(): asyncio.Coroutine<asyncio.Task<void>> {
  return asyncio.createTask(ticker(), { name: "ticker" });
}

/** A run() the runner refuses with RuntimeError; its coroutine is closed unawaited. */
function refused(label: string, runner: asyncio.Runner): void {
  const coro = asyncio.sleep(0);
  try {
    void runner.run(coro);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(label, e.message);
  }
  coro.return(undefined);
}

function* runInside(runner: asyncio.Runner): asyncio.Coroutine<void> {
  refused("inside a running loop:", runner);
}

function* boom(): asyncio.Coroutine<void> {
  yield* asyncio.sleep(0.5);
  throw new asyncio.ValueError("boom");
}

const runner = new asyncio.Runner();
await runner.close();
print("close() before first use does nothing");
const loop = runner.getLoop();
print("get_loop() made it:", !loop.isClosed(), "| current:", asyncio.getEventLoop() === loop);
try {
  void runner.run(5 as never);
} catch (e) {
  if (!(e instanceof asyncio.ValueError)) throw e;
  print("ValueError:", e.message);
}
const task = await runner.run(start());
print("run() returned the task:", task.getName(), "| done:", task.done());
print(await runner.run(asyncio.sleep(2.5, "slept")), `at ${loop.time().toFixed(1)}`);
print("between runs the loop is not running:", !loop.isRunning());
await runner.run(runInside(runner));
try {
  await runner.run(boom());
} catch (e) {
  if (!(e instanceof asyncio.ValueError)) throw e;
  print(`run() raised ValueError: ${e.message} at ${loop.time().toFixed(1)}`);
}
print("same loop every time:", runner.getLoop() === loop);
await runner.close();
print("closed:", loop.isClosed(), "| ticker cancelled:", task.cancelled());
refused("run() after close:", runner);
try {
  runner.getLoop();
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  print("get_loop() after close:", e.message);
}
await runner.close();
print("a second close() does nothing");

const made = asyncio.newEventLoop();
const other = new asyncio.Runner({ loopFactory: () => made });
print("loop_factory's loop:", other.getLoop() === made);
print(await other.run(asyncio.sleep(1, "ran on it")));
await other.close();
print("closed by the runner:", made.isClosed());
