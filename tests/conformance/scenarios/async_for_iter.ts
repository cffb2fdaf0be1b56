// async for over an object with __aiter__/__anext__, break, and aiter()/anext()
// with a default.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

class Ticker {
  i = 0;
  constructor(readonly n: number, readonly delay: number) {}

  aiter(): this {
    print("aiter called");
    this.i = 0;
    return this;
  }

  *anext() {
    if (this.i >= this.n) throw new asyncio.StopAsyncIteration();
    yield* asyncio.sleep(this.delay);
    this.i += 1;
    return this.i;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  yield* asyncio.asyncFor(new Ticker(3, 0.5), function* (x) {
    print(`tick ${x} at ${loop.time().toFixed(3)}`);
  });
  yield* asyncio.asyncFor(new Ticker(10, 0.1), function* (x) {
    if (x === 2) {
      print("break at", x);
      return asyncio.BREAK;
    }
  });
  const it = asyncio.aiter(new Ticker(2, 0));
  print(yield* asyncio.anext(it), yield* asyncio.anext(it), yield* asyncio.anext(it, "default"));
  try {
    yield* asyncio.anext(it);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("StopAsyncIteration", repr(e.message));
  }
}

await asyncio.run(main());
