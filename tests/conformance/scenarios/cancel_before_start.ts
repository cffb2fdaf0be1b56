// A task cancelled before its first step never runs its body at all.
import * as asyncio from "asyncio";
import { print } from "../py";

const started: boolean[] = [];

function* body() {
  started.push(true);
  print("body ran (should not)");
}

function* main() {
  const t = asyncio.createTask(body());
  print("cancel:", t.cancel());
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("awaiting it raised CancelledError");
  }
  print("started:", started.length, "cancelled:", t.cancelled());

  // cancel() then the task catches the error at its first await
  function* catcher() {
    try {
      print("catcher starts");
      yield* asyncio.sleep(0);
      print("catcher was not cancelled?");
    } catch (e) {
      if (!(e instanceof asyncio.CancelledError)) throw e;
      print("catcher caught it at its first await");
    }
    return "ok";
  }

  const t2 = asyncio.createTask(catcher());
  yield* asyncio.sleep(0);
  t2.cancel();
  print("catcher:", yield* t2);
}

await asyncio.run(main());
