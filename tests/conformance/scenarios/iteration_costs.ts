// How many loop iterations each construct costs, measured by a callback that
// re-schedules itself with call_soon once per iteration.
import * as asyncio from "asyncio";
import { print } from "../py";

// eslint-disable-next-line require-yield
function* noop() {
  return 1;
}

function* oneSleep() {
  yield* asyncio.sleep(0);
  return 2;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  let turns = 0;
  let handle: asyncio.Handle;

  function tick(): void {
    turns += 1;
    handle = loop.callSoon(tick);
  }

  handle = loop.callSoon(tick);
  yield* asyncio.sleep(0);

  function* measure(label: string, make: () => asyncio.Awaitable<unknown>) {
    const before = turns;
    yield* make();
    print(`${label}: ${turns - before}`);
  }

  yield* measure("await coroutine", noop);
  yield* measure("sleep(0)", () => asyncio.sleep(0));

  const futSoon = () => {
    const f = loop.createFuture<null>();
    loop.callSoon(() => f.setResult(null));
    return f;
  };
  yield* measure("future set by call_soon", futSoon);

  const futDone = () => {
    const f = loop.createFuture<null>();
    f.setResult(null);
    return f;
  };
  yield* measure("future already done", futDone);
  yield* measure("task of a plain coroutine", () => asyncio.createTask(noop()));
  yield* measure("task with one sleep(0)", () => asyncio.createTask(oneSleep()));
  yield* measure("gather of two coroutines", () => asyncio.gather(noop(), noop()));
  yield* measure("gather of two sleepers", () => asyncio.gather(oneSleep(), oneSleep()));
  yield* measure("gather()", () => asyncio.gather());
  yield* measure("ensure_future(coroutine)", () => asyncio.ensureFuture(noop()));
  yield* measure("wait_for(coroutine, 1)", () => asyncio.waitFor(noop(), 1));
  yield* measure("shield(coroutine)", () => asyncio.shield(noop()));

  const ev = new asyncio.Event();
  loop.callSoon(() => ev.set());
  yield* measure("Event.wait set by call_soon", () => ev.wait());
  const q = new asyncio.Queue<number>();
  q.putNowait(1);
  yield* measure("Queue.get with an item", () => q.get());
  const lock = new asyncio.Lock();
  yield* measure("Lock.acquire free", () => lock.acquire());
  lock.release();
  handle.cancel();
}

await asyncio.run(main());
