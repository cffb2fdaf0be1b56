// asyncio.run cancels leftover tasks and waits for them (their finally blocks
// run) before closing the loop; it returns main's result.
import * as asyncio from "asyncio";
import { fmt, print } from "../py";

function* background(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    print(`${name} finished normally`);
  } finally {
    print(`${name} finally`);
  }
}

function* stubborn() {
  try {
    yield* asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) {
      print("stubborn: cancelled, cleaning up for one more turn");
      yield* asyncio.sleep(0);
      print("stubborn: cleanup done");
    }
    throw e;
  }
}

function* main() {
  asyncio.createTask(background("short", 0.1));
  asyncio.createTask(background("long", 100));
  asyncio.createTask(stubborn());
  yield* asyncio.sleep(0.5);
  print("main returns");
  return "main result";
}

const result = await asyncio.run(main());
print("run returned", result);
try {
  asyncio.getRunningLoop();
} catch (e) {
  print(fmt(e));
}

function* nested() {
  const coro = asyncio.sleep(0);
  try {
    void asyncio.run(coro);
  } catch (e) {
    print(fmt(e));
  }
  coro.return(undefined);
}

await asyncio.run(nested());
try {
  await asyncio.run(42 as never);
} catch (e) {
  if (!(e instanceof asyncio.ValueError)) throw e;
  print(`${e.name}: ${e.message.split(",")[0]}`);
}
