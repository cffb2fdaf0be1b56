// Cancelling a gather cancels its children; a cancelled child makes gather raise
// CancelledError unless return_exceptions collects it.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* child(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    print(`${name} done`);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${name} cancelled`);
    throw e;
  }
}

function* main() {
  const g = asyncio.gather(child("a", 1), child("b", 2));
  yield* asyncio.sleep(0.5);
  print("cancel outer:", g.cancel());
  try {
    yield* g;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("outer raised CancelledError; cancelled() =", g.cancelled());
  }

  const t1 = asyncio.createTask(child("c", 1));
  const t2 = asyncio.createTask(child("d", 0.5));
  const g2 = asyncio.gather(t1, t2);
  yield* asyncio.sleep(0.1);
  t1.cancel();
  try {
    yield* g2;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("g2 raised CancelledError when a child was cancelled; d done:", t2.done());
  }
  yield* asyncio.sleep(1);

  const t3 = asyncio.createTask(child("e", 1));
  const t4 = asyncio.createTask(child("f", 0.2));
  const g3 = asyncio.gather(t3, t4, { returnExceptions: true });
  yield* asyncio.sleep(0.1);
  t3.cancel("stop e");
  const res = yield* g3;
  print(repr(res.map((r) => (r instanceof Error ? `${r.name}(${repr(r.message)})` : r))));
}

await asyncio.run(main());
