// A bounded queue: put() waits while the queue is full, get() while it is
// empty; join() waits until every item has been marked task_done().
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* producer(q: asyncio.Queue<string>, name: string, items: number[]) {
  const loop = asyncio.getRunningLoop();
  for (const x of items) {
    yield* q.put(`${name}${x}`);
    print(`put ${name}${x} at ${loop.time().toFixed(3)} size=${q.qsize()}`);
  }
  print(`producer ${name} done`);
}

function* consumer(q: asyncio.Queue<string>, name: string, delay: number): asyncio.Coroutine<never> {
  const loop = asyncio.getRunningLoop();
  for (;;) {
    const item = yield* q.get();
    print(`  ${name} got ${item} at ${loop.time().toFixed(3)}`);
    yield* asyncio.sleep(delay);
    q.taskDone();
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const q = new asyncio.Queue<string>(2);
  const consumers = [asyncio.createTask(consumer(q, "c1", 0.3)), asyncio.createTask(consumer(q, "c2", 0.5))];
  yield* asyncio.gather(producer(q, "p", [0, 1, 2, 3]), producer(q, "r", [0, 1, 2]));
  print(`producers done at ${loop.time().toFixed(3)}`);
  yield* q.join();
  print(`joined at ${loop.time().toFixed(3)}, unfinished none, empty=${repr(q.empty())}`);
  for (const c of consumers) c.cancel();
  yield* asyncio.gather(...consumers, { returnExceptions: true });
}

await asyncio.run(main());
