// async with: __aenter__/__aexit__ are awaited around the body; a truthy
// __aexit__ swallows the error; the value bound by "as" is __aenter__'s result.
import * as asyncio from "asyncio";
import { print } from "../py";

class Resource {
  constructor(readonly name: string, readonly swallow = false) {}

  *aenter() {
    print(`enter ${this.name}`);
    yield* asyncio.sleep(0.1);
    return `<${this.name}>`;
  }

  *aexit(excType: asyncio.ErrorClass | null, exc: unknown, _tb: unknown) {
    yield* asyncio.sleep(0.1);
    const what = excType === null ? "None" : `${excType.name}(${(exc as Error).message})`;
    print(`exit ${this.name} with ${what}`);
    return this.swallow;
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  yield* asyncio.asyncWith(new Resource("r1"), function* (v) {
    print("body got", v);
  });
  yield* asyncio.asyncWith(new Resource("outer"), function* (a) {
    yield* asyncio.asyncWith(new Resource("inner"), function* (b) {
      print("nested body", a, b);
    });
  });
  try {
    yield* asyncio.asyncWith(new Resource("r2"), function* () {
      throw new asyncio.ValueError("oops");
    });
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print("propagated:", e.message);
  }
  yield* asyncio.asyncWith(new Resource("r3", true), function* () {
    throw new asyncio.ValueError("swallowed");
  });
  print(`after all t=${loop.time().toFixed(3)}`);
  const lock = new asyncio.Lock();
  yield* asyncio.asyncWith(lock, function* () {
    print("inside lock: locked =", lock.locked());
  });
  print("after lock: locked =", lock.locked());
}

await asyncio.run(main());
