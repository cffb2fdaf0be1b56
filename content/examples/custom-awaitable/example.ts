import * as asyncio from "asyncio";

/** An awaitable: waits `seconds`, then gives back `value`. */
class Delay<T> {
  constructor(
    readonly seconds: number,
    readonly value: T,
  ) {}

  // Python's __await__ is [Symbol.iterator] here: `yield* delay` calls it, just as
  // `await delay` calls __await__(). A generator method returns an iterator.
  *[Symbol.iterator](): asyncio.Coroutine<T> {
    const loop = asyncio.getRunningLoop();
    const fut: asyncio.Future<T> = loop.createFuture();
    loop.callLater(this.seconds, (v: T) => fut.setResult(v), this.value); // fut.set_result
    console.log(`${loop.time().toFixed(1)}   __await__: waiting on a future`);
    const result = yield* fut; // the future goes out to the task while pending
    console.log(`${loop.time().toFixed(1)}   __await__: the future is done`);
    return result;
  }
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  console.log(`${loop.time().toFixed(1)} main: await Delay(1.5, 'hi')`);
  const value = yield* new Delay(1.5, "hi");
  console.log(`${loop.time().toFixed(1)} main: got ${value}`);
}

await asyncio.run(main());
