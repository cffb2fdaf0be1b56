// Cancelling a task that sits in wait_for cancels the inner awaitable too, and
// the inner task's cleanup finishes before the outer sees CancelledError.
import * as asyncio from "asyncio";
import { print } from "../py";

function* inner() {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print("inner cancelled");
      yield* asyncio.sleep(0.5);
      print("inner cleanup done");
    }
    throw e;
  }
}

function* outer() {
  try {
    yield* asyncio.waitFor(inner(), 5);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print(`outer cancelled at ${asyncio.getRunningLoop().time().toFixed(3)}`);
    }
    throw e;
  }
}

function* main() {
  const t = asyncio.createTask(outer());
  yield* asyncio.sleep(1);
  t.cancel();
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main: outer task cancelled =", t.cancelled());
  }

  function* swallow() {
    try {
      yield* asyncio.sleep(10);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      return "swallowed";
    }
    return undefined;
  }

  const start = asyncio.getRunningLoop().time();
  try {
    const r = yield* asyncio.waitFor(swallow(), 1);
    print("wait_for returned", r);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError");
  }
  print(`after ${(asyncio.getRunningLoop().time() - start).toFixed(3)}`);
}

await asyncio.run(main());
