// Awaiting a finished future or task gives its result at once; awaiting a
// failed one raises its exception; awaiting the same future twice is fine.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture<string>();
  f.setResult("ready");
  const order: string[] = [];
  loop.callSoon(() => order.push("callback"));
  order.push(yield* f);
  order.push(yield* f);
  print(repr(order));
  const g = loop.createFuture();
  g.setException(new asyncio.ValueError("stored"));
  for (let i = 0; i < 2; i++) {
    try {
      yield* g;
    } catch (e) {
      if (!(e instanceof asyncio.ValueError)) throw e;
      print("raised", e.message);
    }
  }
  yield* asyncio.sleep(0);
  print(repr(order));
}

await asyncio.run(main());
