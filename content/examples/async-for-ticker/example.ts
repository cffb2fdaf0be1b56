import * as asyncio from "asyncio";

/** An asynchronous iterator: count ticks, one every `delay` seconds. */
class Ticker {
  private i = 0;

  constructor(
    readonly delay: number,
    readonly count: number,
  ) {}

  aiter(): this {
    return this; // Python: __aiter__
  }

  *anext(): asyncio.Coroutine<number> {
    // Python: async def __anext__
    if (this.i === this.count) {
      throw new asyncio.StopAsyncIteration(); // ends the asyncFor
    }
    yield* asyncio.sleep(this.delay); // may await: that is why it is a coroutine
    this.i += 1;
    return this.i - 1;
  }
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const start = loop.time();
  // `async for tick in Ticker(0.5, 4):` — the body is a coroutine called per item.
  yield* asyncio.asyncFor(new Ticker(0.5, 4), function* (tick) {
    console.log(`${(loop.time() - start).toFixed(1)} s: tick ${tick}`);
  });
  console.log("StopAsyncIteration ended the loop");
}

await asyncio.run(main());
