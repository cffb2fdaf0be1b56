// Cancelling a task that awaits another task cancels the inner one too; the
// outer sees the CancelledError after the inner has finished cleaning up.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* inner() {
  try {
    yield* asyncio.sleep(10);
  } finally {
    print("inner finally");
  }
}

function* middle() {
  try {
    yield* asyncio.createTask(inner());
  } finally {
    print("middle finally");
  }
}

function* outerFn() {
  try {
    yield* middle();
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`outer caught CancelledError(${repr(e.message)})`);
    throw e;
  }
}

function* main() {
  const t = asyncio.createTask(outerFn());
  yield* asyncio.sleep(1);
  t.cancel("top down");
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(`main sees CancelledError(${repr(e.message)}), cancelled=${repr(t.cancelled())}`);
  }

  const f = asyncio.getRunningLoop().createFuture();

  function* awaitsFuture() {
    try {
      yield* f;
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("waiter of a cancelled future gets CancelledError");
      return "handled";
    }
    return undefined;
  }

  const w = asyncio.createTask(awaitsFuture());
  yield* asyncio.sleep(0);
  f.cancel();
  print(yield* w);
}

await asyncio.run(main());
