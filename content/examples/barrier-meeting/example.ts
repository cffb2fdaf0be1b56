import * as asyncio from "asyncio";

function* worker(name: string, prepare: number, barrier: asyncio.Barrier): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  yield* asyncio.sleep(prepare); // each one takes its own time to get ready
  console.log(`${loop.time().toFixed(1)} ${name} ready, ${barrier.nWaiting} already waiting`);
  const index = yield* barrier.wait(); // paused here until all three have arrived
  console.log(`${loop.time().toFixed(1)} ${name} goes on (index ${index})`);
}

function* main(): asyncio.Coroutine<void> {
  const barrier = new asyncio.Barrier(3);
  yield* asyncio.gather(
    worker("A", 1.0, barrier),
    worker("B", 2.0, barrier),
    worker("C", 3.0, barrier),
  );
}

await asyncio.run(main());
