// asyncio.Barrier (3.11): tasks meet, all go on together with distinct indexes, the
// barrier fills again for a second round; late arrivals wait while it drains; reset()
// and abort() wake waiters with BrokenBarrierError; async with gives the index.
import * as asyncio from "asyncio";
import { print } from "../py";

function* worker(barrier: asyncio.Barrier, name: string, delay: number, log: number[]): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  for (let round = 0; round < 2; round++) {
    yield* asyncio.sleep(delay);
    print(`${loop.time().toFixed(1)} ${name} arrives (round ${round}), waiting: ${barrier.nWaiting}`);
    const index = yield* barrier.wait();
    log.push(index);
    print(`${loop.time().toFixed(1)} ${name} passes as ${index}`);
  }
}

function* stuck(barrier: asyncio.Barrier, name: string): asyncio.Coroutine<void> {
  try {
    yield* barrier.wait();
  } catch (e) {
    if (!(e instanceof asyncio.BrokenBarrierError)) throw e;
    print(`${name}: ${e.name}: ${e.message} | broken:`, barrier.broken);
  }
}

const tail = (b: asyncio.Barrier): string => String(b).split(" [")[1];
const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  try {
    new asyncio.Barrier(0);
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print("ValueError:", e.message);
  }
  const barrier = new asyncio.Barrier(3);
  print("parties:", barrier.parties, "| broken:", barrier.broken, "| waiting:", barrier.nWaiting);
  const log: number[] = [];
  const plan: [string, number][] = [["A", 0.5], ["B", 1.0], ["C", 1.5]];
  yield* asyncio.gather(...plan.map(([n, d]) => worker(barrier, n, d, log)));
  print("indexes per round:", sorted(log.slice(0, 3)), sorted(log.slice(3)));

  let waiting = [0, 1].map((i) => asyncio.createTask(stuck(barrier, `reset ${i}`)));
  yield* asyncio.sleep(0.1);
  print("before reset, waiting:", barrier.nWaiting);
  yield* barrier.reset();
  yield* asyncio.gather(...waiting);
  print("after reset, waiting:", barrier.nWaiting, "| broken:", barrier.broken);

  const two = new asyncio.Barrier(2);
  function* withBlock(name: string): asyncio.Coroutine<void> {
    yield* asyncio.asyncWith(two, function* (index) {
      print(`${name} entered with index ${index}`);
    });
  }
  yield* asyncio.gather(withBlock("first"), withBlock("second"));

  waiting = [0, 1].map((i) => asyncio.createTask(stuck(barrier, `abort ${i}`)));
  yield* asyncio.sleep(0.1);
  yield* barrier.abort();
  yield* asyncio.gather(...waiting);
  yield* stuck(barrier, "after abort");
  print("repr ends:", tail(barrier));

  const pair = new asyncio.Barrier(2);
  function* arrive(name: string): asyncio.Coroutine<void> {
    const index = yield* pair.wait();
    print(`${loop.time().toFixed(1)} ${name} passes as ${index} | ${tail(pair)}`);
  }
  // Three arrive at once for a barrier of two: the third waits until the first two are
  // out (draining), then starts the next round, which a fourth completes.
  const first = ["P", "Q", "R"].map((n) => asyncio.createTask(arrive(n)));
  yield* asyncio.sleep(0.5);
  print("R waits for a partner:", pair.nWaiting);
  yield* asyncio.gather(arrive("S"), ...first);
  print(`done at ${loop.time().toFixed(1)}`);
}

await asyncio.run(main());
