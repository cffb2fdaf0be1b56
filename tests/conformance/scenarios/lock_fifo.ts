// Lock: waiters get the lock in FIFO order; release of an unlocked lock fails.
import * as asyncio from "asyncio";
import { fmt, print } from "../py";

function* worker(lock: asyncio.Lock, name: string, hold: number) {
  const loop = asyncio.getRunningLoop();
  print(`${name} wants the lock at ${loop.time().toFixed(3)}`);
  yield* asyncio.asyncWith(lock, function* () {
    print(`${name} has the lock at ${loop.time().toFixed(3)}`);
    yield* asyncio.sleep(hold);
  });
  print(`${name} released at ${loop.time().toFixed(3)}`);
}

function* main() {
  const lock = new asyncio.Lock();
  yield* asyncio.gather(worker(lock, "a", 0.2), worker(lock, "b", 0.1), worker(lock, "c", 0.3));
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(fmt(e));
  }
  print("acquire:", yield* lock.acquire(), "locked:", lock.locked());
  const w = asyncio.createTask(lock.acquire());
  yield* asyncio.sleep(0);
  w.cancel();
  lock.release();
  yield* asyncio.sleep(0);
  print("locked after the cancelled waiter:", lock.locked());
}

await asyncio.run(main());
