// Cancelling a task throws CancelledError at its current await: finally blocks
// run, the message travels along, and a task may catch it and carry on.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

function* stubborn() {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(`stubborn caught CancelledError(${repr(e.message)})`);
  }
  yield* asyncio.sleep(0.5);
  return "stubborn finished";
}

function* polite() {
  try {
    yield* asyncio.sleep(10);
  } finally {
    print("polite finally runs");
  }
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const s = asyncio.createTask(stubborn());
  const p = asyncio.createTask(polite());
  yield* asyncio.sleep(1);
  print("cancel s:", s.cancel("please stop"));
  print("cancel p:", p.cancel("go away"));
  print("cancelling counts", s.cancelling(), p.cancelling());
  print("s result:", yield* s, `t=${loop.time().toFixed(3)}`);
  print("s cancelled()", s.cancelled());
  try {
    yield* p;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(`await p raised CancelledError(${repr(e.message)})`);
  }
  print("p cancelled()", p.cancelled(), "cancel again:", p.cancel());
}

await asyncio.run(main());
