// A deadline that is NaN (a delay computed from a missing value) is due at once, as
// CPython's _run_once decides: max(0, nan) waits 0, and `when >= end_time` is never
// true for NaN, so the timer is popped on the next turn. Nothing hangs.
import * as asyncio from "asyncio";
import { print } from "../py";

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const nan = NaN;
  const t0 = loop.time();
  loop.callLater(nan, print, "nan timer ran");
  loop.callLater(1, print, "1 s timer ran");
  loop.callAt(nan, print, "call_at(nan) ran");
  yield* asyncio.sleep(2);
  print("main slept 2 s, time moved", loop.time() - t0);
  const t1 = loop.time();
  yield* asyncio.sleep(nan, "sleep(nan) result");
  print("sleep(nan) took", loop.time() - t1);
  try {
    yield* asyncio.asyncWith(asyncio.timeout(nan), function* () {
      yield* asyncio.sleep(5);
    });
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("timeout(nan) timed out at once:", loop.time() - t1);
  }
  try {
    yield* asyncio.waitFor(asyncio.sleep(5), nan);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("wait_for(..., nan) timed out at once:", loop.time() - t1);
  }
}

await asyncio.run(main());
