// Task.cancelling() counts pending cancel requests; uncancel() takes one back.
import * as asyncio from "asyncio";
import { print } from "../py";

function* sleeper() {
  for (let i = 0; i < 3; i++) {
    try {
      yield* asyncio.sleep(1);
      print(`round ${i} slept`);
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      const me = asyncio.currentTask()!;
      print(`round ${i} cancelled, cancelling()=${me.cancelling()}`);
      print(`uncancel() -> ${me.uncancel()}`);
    }
  }
  return "survived";
}

function* main() {
  const t = asyncio.createTask(sleeper());
  yield* asyncio.sleep(0);
  print("cancel 1:", t.cancel(), "cancelling", t.cancelling());
  print("cancel 2:", t.cancel(), "cancelling", t.cancelling());
  yield* asyncio.sleep(0);
  print("after one turn cancelling", t.cancelling());
  yield* asyncio.sleep(1.5);
  t.cancel();
  print("result:", yield* t, "cancelling", t.cancelling());
}

await asyncio.run(main());
