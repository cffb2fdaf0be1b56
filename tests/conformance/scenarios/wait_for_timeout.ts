// wait_for: a result in time, or the inner task cancelled (finally runs) and
// TimeoutError raised from the CancelledError.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* slow(delay: number) {
  try {
    yield* asyncio.sleep(delay);
    return `slept ${delay}`;
  } finally {
    print(`slow(${delay}) finally at ${asyncio.getRunningLoop().time().toFixed(3)}`);
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  print(yield* asyncio.waitFor(slow(0.5), 1));
  try {
    yield* asyncio.waitFor(slow(5), 1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`${e.name} ${repr(e.message)} at ${loop.time().toFixed(3)}`);
    print("cause:", (e.cause as Error).name);
    print("is builtin TimeoutError:", e instanceof asyncio.TimeoutError);
  }
  print(yield* asyncio.waitFor(slow(0.1), null));
  try {
    yield* asyncio.waitFor(slow(1), 0);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`timeout=0 raised ${e.name} at ${loop.time().toFixed(3)}`);
  }
  const fut = loop.createFuture();
  try {
    yield* asyncio.waitFor(fut, 0.25);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("plain future cancelled:", fut.cancelled());
  }
}

await asyncio.run(main());
