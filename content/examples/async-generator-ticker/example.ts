import * as asyncio from "asyncio";

// A coroutine's own `yield` already belongs to its task (that is how it waits on a
// future), so an async generator needs a second channel for its values: the body
// receives `emit`, and `yield* emit(v)` is Python's `yield v`. `yield* aw` is still
// `await aw`. asyncGenerator() turns the body into an async generator function.
const ticker = asyncio.asyncGenerator(function* ticker(
  emit: asyncio.Emit<number>,
  delay: number,
  count: number,
) {
  for (let i = 0; i < count; i++) {
    yield* asyncio.sleep(delay);
    yield* emit(i);
  }
  console.log("  ticker: no more ticks");
});

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  yield* asyncio.asyncFor(ticker(0.5, 4), function* (tick) {
    console.log(`${(loop.time() - start).toFixed(1)} s: tick ${tick}`);
  });
  console.log("the async for is over");
}

await asyncio.run(main());
