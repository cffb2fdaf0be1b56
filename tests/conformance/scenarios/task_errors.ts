// A task's result and exception, and what a Task refuses to do.
import * as asyncio from "asyncio";
import { fmt, print } from "../py";

function* fails(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0);
  throw new asyncio.RuntimeError("task failed");
}

function* main() {
  const t = asyncio.createTask(fails(), { name: "failing" });
  try {
    t.result();
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    print("result() early:", fmt(e));
  }
  const calls: [string, () => void][] = [
    ["set_result", () => t.setResult(1 as never)],
    ["set_exception", () => t.setException(new asyncio.ValueError())],
  ];
  for (const [what, call] of calls) {
    try {
      call();
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print(what, fmt(e));
    }
  }
  try {
    yield* t;
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("await:", fmt(e));
  }
  print("exception():", fmt(t.exception()));
  print("name:", t.getName());
  t.setName("renamed");
  print("name:", t.getName());
  print("done:", t.done(), "cancelled:", t.cancelled());
}

await asyncio.run(main());
