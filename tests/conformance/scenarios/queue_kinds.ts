// Queue (FIFO), LifoQueue and PriorityQueue order, the *_nowait errors, and sizes.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

function* main() {
  for (const cls of [asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue]) {
    const q = new cls<number>();
    for (const x of [3, 1, 4, 1, 5, 9, 2, 6]) q.putNowait(x);
    const out: number[] = [];
    while (!q.empty()) out.push(yield* q.get());
    print(cls.name, repr(out));
  }

  const pq = new asyncio.PriorityQueue<[number, string]>();
  for (const item of [[2, "b"], [1, "z"], [2, "a"], [1, "y"]] as [number, string][]) yield* pq.put(item);
  // Python prints tuples with parentheses.
  const tuples = [0, 1, 2, 3].map(() => pq.getNowait()).map(([p, s]) => `(${p}, ${repr(s)})`);
  print(`tuples: [${tuples.join(", ")}]`);

  const q = new asyncio.Queue<string>(2);
  q.putNowait("a");
  q.putNowait("b");
  print("qsize", q.qsize(), "full", q.full(), "maxsize", q.maxsize);
  try {
    q.putNowait("c");
  } catch (e) {
    if (!(e instanceof asyncio.QueueFull)) throw e;
    print("put_nowait on full:", e.name, repr(e.message));
  }
  q.getNowait();
  q.getNowait();
  try {
    q.getNowait();
  } catch (e) {
    if (!(e instanceof asyncio.QueueEmpty)) throw e;
    print("get_nowait on empty:", e.name, repr(e.message));
  }
  try {
    q.taskDone();
    q.taskDone();
    q.taskDone();
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(fmt(e));
  }
}

await asyncio.run(main());
