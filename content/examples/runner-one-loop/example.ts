import * as asyncio from "asyncio";

// The loop library has no asyncio.Runner yet, so this twin does by hand what the
// runner does: one new loop for several runs, and on close the same clean-up as run().

function* ticker(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  try {
    for (let i = 0; i < 5; i++) {
      console.log(`${loop.time().toFixed(1)} tick ${i}`);
      yield* asyncio.sleep(1);
    }
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      console.log(`${loop.time().toFixed(1)} ticker cancelled when the runner closed`);
    }
    throw e;
  }
}

function* startTicker(): asyncio.Coroutine<asyncio.Task<void>> {
  return asyncio.createTask(ticker());
}

/**
 * Runner.close(): cancel what is left, wait for it, close async generators, shut down the
 * default executor, close the loop (the same clean-up as asyncio.run()).
 */
async function closeRunner(loop: asyncio.EventLoop): Promise<void> {
  const leftovers = [...asyncio.allTasks(loop)];
  for (const t of leftovers) t.cancel();
  await loop.runUntilComplete(asyncio.gather(...leftovers, { returnExceptions: true }));
  await loop.runUntilComplete(loop.shutdownAsyncgens());
  await loop.runUntilComplete(loop.shutdownDefaultExecutor());
  asyncio.setEventLoop(null);
  loop.close();
}

// One loop for several run() calls: a task started in one call keeps running in the next.
const loop = asyncio.newEventLoop(); // with asyncio.Runner() as runner:
asyncio.setEventLoop(loop);
let task: asyncio.Task<void>;
try {
  task = await loop.runUntilComplete(startTicker()); // runner.run(start_ticker())
  await loop.runUntilComplete(asyncio.sleep(2.5)); // runner.run(asyncio.sleep(2.5))
  console.log(`loop closed inside the block: ${loop.isClosed() ? "True" : "False"}`);
} finally {
  await closeRunner(loop); // leaving the with block
}
// Leaving the block closes the runner: leftover tasks are cancelled, then the loop closes.
const py = (b: boolean): string => (b ? "True" : "False");
console.log(`loop closed after the block: ${py(loop.isClosed())} | task cancelled: ${py(task.cancelled())}`);
