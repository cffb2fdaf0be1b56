// When a task finishes, its done callbacks run in the order they were added,
// which decides which awaiting task resumes first.
import * as asyncio from "asyncio";
import { print } from "../py";

function* target() {
  yield* asyncio.sleep(0.1);
  return "value";
}

function* awaiter(t: asyncio.Task<string>, name: string) {
  const r = yield* t;
  print(`${name} resumed with ${r}`);
}

function* main() {
  const t = asyncio.createTask(target());
  t.addDoneCallback(() => print("callback 1"));
  const a = asyncio.createTask(awaiter(t, "a"));
  yield* asyncio.sleep(0);
  t.addDoneCallback(() => print("callback 2"));
  const b = asyncio.createTask(awaiter(t, "b"));
  yield* asyncio.sleep(0);
  yield* asyncio.gather(a, b);
  asyncio.getRunningLoop().callSoon(() => print("current_task in a callback:", asyncio.currentTask()));
  yield* asyncio.sleep(0);
}

await asyncio.run(main());
