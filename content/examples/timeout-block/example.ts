import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();

  // A deadline for a whole block, not for one call: asyncio.timeout(delay).
  try {
    yield* asyncio.asyncWith(asyncio.timeout(1.5), function* () {
      yield* asyncio.sleep(1);
      console.log(`${(loop.time() - start).toFixed(1)} first step done`);
      yield* asyncio.sleep(1);
      console.log("never printed: the deadline came first");
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    console.log(`${(loop.time() - start).toFixed(1)} TimeoutError: the block took too long`);
  }

  // timeoutAt() takes a loop time; reschedule() moves the deadline while inside.
  yield* asyncio.asyncWith(asyncio.timeoutAt(loop.time() + 1), function* (cm) {
    cm.reschedule((cm.when() ?? 0) + 2);
    yield* asyncio.sleep(2.5);
    const expired = cm.expired() ? "True" : "False";
    console.log(`${(loop.time() - start).toFixed(1)} finished in time, expired: ${expired}`);
  });

  const task = asyncio.currentTask();
  console.log(`cancel requests left on the task: ${task?.cancelling()}`);
}

await asyncio.run(main());
