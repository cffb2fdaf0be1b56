// as_completed yields awaitables in completion order; with a timeout it raises
// TimeoutError for what is left.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* job(name: string, delay: number): asyncio.Coroutine<string> {
  yield* asyncio.sleep(delay);
  return name;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  for (const aw of asyncio.asCompleted([job("a", 0.3), job("b", 0.1), job("c", 0.2)])) {
    const r = yield* aw;
    print(`${r} at ${loop.time().toFixed(3)}`);
  }
  const got: string[] = [];
  try {
    for (const aw of asyncio.asCompleted([job("d", 0.5), job("e", 0.1), job("f", 2)], { timeout: 1 })) {
      got.push(yield* aw);
    }
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`${e.name} after ${repr(got)} at ${loop.time().toFixed(3)}`);
  }
}

await asyncio.run(main());
