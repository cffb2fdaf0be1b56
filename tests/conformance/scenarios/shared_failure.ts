// Two tasks awaiting the same failing task both receive its exception; the
// failure is stored once.
import * as asyncio from "asyncio";
import { print } from "../py";

function* fails(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0.2);
  throw new asyncio.ValueError("shared failure");
}

function* watcher(t: asyncio.Task<never>, name: string) {
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(`${name} got ${e.name}: ${e.message}`);
    return e;
  }
  return undefined;
}

function* main() {
  const t = asyncio.createTask(fails());
  const [e1, e2] = yield* asyncio.gather(watcher(t, "w1"), watcher(t, "w2"));
  print("same exception object:", e1 === e2 && e1 === t.exception());
}

await asyncio.run(main());
