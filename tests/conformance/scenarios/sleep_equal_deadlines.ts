// Tasks sleeping until the same moment wake in the timer heap's order.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* main() {
  const woke: number[] = [];

  function* s(i: number) {
    yield* asyncio.sleep(1);
    woke.push(i);
  }

  yield* asyncio.gather(...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => s(i)));
  print("woke:", repr(woke));
  woke.length = 0;
  const ts = [0, 1, 2, 3, 4].map((i) => asyncio.createTask(s(i)));
  yield* asyncio.sleep(0);
  ts.push(...[5, 6, 7, 8].map((i) => asyncio.createTask(s(i))));
  yield* asyncio.gather(...ts);
  print("woke:", repr(woke));
}

await asyncio.run(main());
