// wait() returns (done, pending) sets; print them sorted by task name.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

function* job(delay: number, fail = false) {
  yield* asyncio.sleep(delay);
  if (fail) throw new asyncio.ValueError(`failed after ${delay}`);
  return delay;
}

function names(s: Set<asyncio.Task<number>>): string {
  return repr([...s].map((t) => t.getName()).sort());
}

function* main() {
  const loop = asyncio.getRunningLoop();

  const make = () => [
    asyncio.createTask(job(0.3), { name: "slow" }),
    asyncio.createTask(job(0.1), { name: "fast" }),
    asyncio.createTask(job(0.2, true), { name: "bad" }),
  ];

  const modes: asyncio.ReturnWhen[] = [asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED];
  for (const mode of modes) {
    const start = loop.time();
    const tasks = make();
    const [done, pending] = yield* asyncio.wait(tasks, { returnWhen: mode });
    print(`${mode}: done=${names(done)} pending=${names(pending)} after ${(loop.time() - start).toFixed(3)}`);
    for (const t of pending) t.cancel();
    yield* asyncio.sleep(1);
  }

  const start = loop.time();
  const tasks = make();
  const [done, pending] = yield* asyncio.wait(tasks, { timeout: 0.15 });
  print(`timeout: done=${names(done)} pending=${names(pending)} after ${(loop.time() - start).toFixed(3)}`);
  yield* asyncio.sleep(1);
  print("pending ones kept running:", [...pending].every((t) => t.done()));
  try {
    yield* asyncio.wait([]);
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(fmt(e));
  }
  try {
    yield* asyncio.wait(tasks, { returnWhen: "SOMETIMES" as asyncio.ReturnWhen });
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(fmt(e));
  }
}

await asyncio.run(main());
