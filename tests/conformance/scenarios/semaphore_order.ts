// Semaphore(2): two holders at a time, waiters served in order;
// BoundedSemaphore refuses an extra release.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

function* worker(sem: asyncio.Semaphore, name: string, hold: number) {
  const loop = asyncio.getRunningLoop();
  yield* asyncio.asyncWith(sem, function* () {
    print(`${name} in at ${loop.time().toFixed(3)} (locked=${repr(sem.locked())})`);
    yield* asyncio.sleep(hold);
  });
  print(`${name} out at ${loop.time().toFixed(3)}`);
}

function* main() {
  const sem = new asyncio.Semaphore(2);
  yield* asyncio.gather(...[0, 1, 2, 3, 4, 5].map((i) => worker(sem, `w${i}`, 0.1 * ((i % 3) + 1))));
  const b = new asyncio.BoundedSemaphore(1);
  yield* b.acquire();
  b.release();
  try {
    b.release();
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(fmt(e));
  }
  try {
    new asyncio.Semaphore(-1);
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(fmt(e));
  }
  const s = new asyncio.Semaphore(0);
  s.release();
  s.release();
  print("released twice from 0, locked:", s.locked());
}

await asyncio.run(main());
