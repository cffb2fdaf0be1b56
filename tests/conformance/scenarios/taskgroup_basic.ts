// TaskGroup waits for its tasks; the first failure cancels the rest and the
// errors come out as an ExceptionGroup.
//
// The order in which an aborting group cancels its tasks is not printed:
// CPython keeps them in a set, so that order follows memory addresses and
// changes from run to run. Each group reports its cancelled names sorted.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

const cancelled: string[] = [];

function* job(name: string, delay: number, fail = false) {
  try {
    yield* asyncio.sleep(delay);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) cancelled.push(name);
    throw e;
  }
  if (fail) throw new asyncio.ValueError(`${name} failed`);
  print(`${name} done`);
  return name;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const [a, b] = yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
    const a = tg.createTask(job("a", 0.2));
    const b = tg.createTask(job("b", 0.1), { name: "bee" });
    print("body ends before the tasks");
    return [a, b];
  });
  print(`results ${a.result()} ${b.result()} name ${b.getName()} at ${loop.time().toFixed(3)}`);

  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(job("c", 1));
      tg.createTask(job("d", 0.1, true));
      tg.createTask(job("e", 0.2, true));
      tg.createTask(job("f", 0.1, true));
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(fmt(eg));
    print(repr(eg.exceptions.map(fmt)));
    print(`at ${loop.time().toFixed(3)}, cancelled ${repr([...cancelled].sort())}`);
    cancelled.length = 0;
  }

  try {
    yield* asyncio.asyncWith(new asyncio.TaskGroup(), function* (tg) {
      tg.createTask(job("g", 1));
      yield* asyncio.sleep(0.1);
      throw new asyncio.RuntimeError("body failed");
    });
  } catch (eg) {
    if (!(eg instanceof asyncio.ExceptionGroup)) throw eg;
    print(fmt(eg), repr(eg.exceptions.map(fmt)));
    print(`cancelled ${repr([...cancelled].sort())}`);
  }

  const tg = new asyncio.TaskGroup();
  yield* asyncio.asyncWith(tg, function* () {});
  const coro = job("h", 0);
  try {
    tg.createTask(coro);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    coro.return(undefined as never);
    print(`${e.name}, mentions finished: ${repr(e.message.includes("is finished"))}`);
  }
}

await asyncio.run(main());
