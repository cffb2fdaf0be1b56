import * as asyncio from "asyncio";

function* worker(name: string, delay: number): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  for (let step = 0; step < 3; step++) {
    console.log(`${loop.time().toFixed(1)} ${name}: step ${step}`);
    yield* asyncio.sleep(delay); // hand control back to the event loop
  }
}

function* main(): asyncio.Coroutine<void> {
  const a = asyncio.createTask(worker("A", 1.0));
  const b = asyncio.createTask(worker("B", 1.5));
  yield* a; // await a
  yield* b;
  console.log(`${asyncio.getRunningLoop().time().toFixed(1)} both done`);
}

await asyncio.run(main());
