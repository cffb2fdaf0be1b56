import * as asyncio from "asyncio";

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

// One loop for several run() calls: a task started in one call keeps running in the next.
// (TypeScript has no with block: close() in finally is what leaving the block does.)
const runner = new asyncio.Runner(); // with asyncio.Runner() as runner:
let task: asyncio.Task<void>;
let loop: asyncio.EventLoop;
try {
  task = await runner.run(startTicker());
  await runner.run(asyncio.sleep(2.5));
  loop = runner.getLoop();
  console.log(`loop closed inside the block: ${loop.isClosed() ? "True" : "False"}`);
} finally {
  await runner.close();
}
// Leaving the block closes the runner: leftover tasks are cancelled, then the loop closes.
const py = (b: boolean): string => (b ? "True" : "False");
console.log(`loop closed after the block: ${py(loop.isClosed())} | task cancelled: ${py(task.cancelled())}`);
