// Waiting getters are served first-come first-served; a cancelled getter
// does not swallow an item.
import * as asyncio from "asyncio";
import { print } from "../py";

function* getter(q: asyncio.Queue<string>, name: string) {
  try {
    const item = yield* q.get();
    print(`${name} got ${item}`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${name} cancelled`);
    throw e;
  }
}

function* main() {
  const q = new asyncio.Queue<string>();
  const tasks = [0, 1, 2, 3].map((i) => asyncio.createTask(getter(q, `g${i}`)));
  yield* asyncio.sleep(0);
  tasks[1].cancel();
  q.putNowait("x");
  q.putNowait("y");
  yield* asyncio.sleep(0);
  q.putNowait("z");
  yield* asyncio.gather(...tasks, { returnExceptions: true });
  print("left in queue:", q.qsize());

  const q2 = new asyncio.Queue<number>(1);
  q2.putNowait(0);

  function* putter(i: number) {
    yield* q2.put(i);
    print(`putter ${i} done`);
  }

  const ps = [1, 2, 3].map((i) => asyncio.createTask(putter(i)));
  yield* asyncio.sleep(0);
  for (let k = 0; k < 4; k++) {
    print("get", yield* q2.get());
    yield* asyncio.sleep(0);
  }
  yield* asyncio.gather(...ps);
}

await asyncio.run(main());
