import * as asyncio from "asyncio";

function* nap(seconds: number): asyncio.Coroutine<number> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  yield* asyncio.sleep(seconds);
  console.log(`nap(${seconds}) woke after ${(loop.time() - start).toFixed(1)} s`);
  return seconds;
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  const results = yield* asyncio.gather(nap(1), nap(2), nap(3)); // all three sleep at once
  console.log(`gather returned [${results.join(", ")}]`); // printed like Python's list
  const sum = results.reduce((a, b) => a + b, 0);
  console.log(`elapsed: ${(loop.time() - start).toFixed(1)} s, not ${sum} s`);
}

await asyncio.run(main());
