// Event: every waiter wakes when it is set, in the order they started waiting.
import * as asyncio from "asyncio";
import { print } from "../py";

function* waiter(ev: asyncio.Event, name: string) {
  print(`${name} waits`);
  const r = yield* ev.wait();
  print(`${name} woke with ${r ? "True" : "False"}`);
}

function* main() {
  const ev = new asyncio.Event();
  print("is_set", ev.isSet());
  const ts = ["w1", "w2", "w3"].map((n) => asyncio.createTask(waiter(ev, n)));
  yield* asyncio.sleep(0.5);
  ev.set();
  print("set; is_set", ev.isSet());
  ev.set();
  yield* asyncio.gather(...ts);
  print("already set:", yield* ev.wait());
  ev.clear();
  print("cleared; is_set", ev.isSet());
  const t = asyncio.createTask(waiter(ev, "w4"));
  yield* asyncio.sleep(0);
  ev.set();
  ev.clear();
  yield* t;
  print("w4 woke although the event was cleared again; is_set", ev.isSet());
}

await asyncio.run(main());
