// asyncio.timeout(): the block is cancelled at the deadline and TimeoutError
// comes out of the async with; reschedule() moves the deadline.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* main() {
  const loop = asyncio.getRunningLoop();
  let cm = asyncio.timeout(1);
  try {
    yield* asyncio.asyncWith(cm, function* () {
      try {
        yield* asyncio.sleep(5);
      } catch (e) {
        if (e instanceof asyncio.CancelledError) print(`inside: CancelledError at ${loop.time().toFixed(3)}`);
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`outside: ${e.name} ${repr(e.message)}; expired=${repr(cm.expired())}`);
    print("cause:", (e.cause as Error).name);
  }

  cm = asyncio.timeout(1);
  yield* asyncio.asyncWith(cm, function* () {
    yield* asyncio.sleep(0.5);
  });
  print(`in time: expired=${repr(cm.expired())} at ${loop.time().toFixed(3)}`);

  let start = loop.time();
  try {
    yield* asyncio.asyncWith(asyncio.timeout(null), function* (cm) {
      print("when:", cm.when());
      cm.reschedule(loop.time() + 0.25);
      print(`when: ${(cm.when()! - start).toFixed(3)}`);
      yield* asyncio.sleep(1);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`rescheduled deadline hit after ${(loop.time() - start).toFixed(3)}`);
  }

  start = loop.time();
  try {
    yield* asyncio.asyncWith(asyncio.timeoutAt(loop.time() - 1), function* () {
      print("past deadline: body starts");
      yield* asyncio.sleep(0);
      print("not reached");
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`past deadline: TimeoutError after ${(loop.time() - start).toFixed(3)}`);
  }

  try {
    yield* asyncio.asyncWith(asyncio.timeout(0.1), function* () {
      try {
        yield* asyncio.sleep(1);
      } catch (e) {
        if (!(e instanceof asyncio.CancelledError)) throw e;
        print("swallowed the cancellation");
      }
    });
    print("no TimeoutError when the block swallows it");
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("TimeoutError even though the block swallowed it");
  }
}

await asyncio.run(main());
