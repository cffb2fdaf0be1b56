import * as asyncio from "asyncio";

// Python's `async def main()` is a generator function here: the loop library drives
// it with next(), as CPython's Task drives a coroutine with send().
function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  // f"{x:.1f}" is toFixed(1): both print one decimal, so 0 shows as "0.0" in each.
  console.log(`${(loop.time() - start).toFixed(1)} s: hello`);
  yield* asyncio.sleep(1); // await asyncio.sleep(1): main pauses, the loop waits for the timer
  console.log(`${(loop.time() - start).toFixed(1)} s: world`);
}

// asyncio.run() returns a Promise here: a browser tab must never block, so we await it.
await asyncio.run(main());
