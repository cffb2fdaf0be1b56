import * as asyncio from "asyncio";

function* fetch(name: string, delay: number): asyncio.Coroutine<string> {
  const loop = asyncio.getRunningLoop();
  yield* asyncio.sleep(delay);
  console.log(`${loop.time().toFixed(1)} ${name}: done`);
  return name.toUpperCase();
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  // Every task created in the group is awaited when the block ends:
  // no task can outlive the block that started it.
  const [a, b, c] = yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    const tasks = [tg.createTask(fetch("a", 2.0)), tg.createTask(fetch("b", 1.0)), tg.createTask(fetch("c", 1.5))];
    console.log(`${loop.time().toFixed(1)} three tasks started`);
    return tasks;
  });
  const results = [a.result(), b.result(), c.result()].map((r) => `'${r}'`).join(", ");
  console.log(`${loop.time().toFixed(1)} block ended, results: [${results}]`);
}

await asyncio.run(main());
