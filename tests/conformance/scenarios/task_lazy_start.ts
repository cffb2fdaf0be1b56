// A task does not run when created: its first step is scheduled with call_soon,
// so it runs after callbacks scheduled before it and before those after it.
import * as asyncio from "asyncio";
import { print } from "../py";

function* body(name: string) {
  print(`${name} step 1`);
  yield* asyncio.sleep(0);
  print(`${name} step 2`);
  return name;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  loop.callSoon(print, "soon before");
  const t1 = asyncio.createTask(body("t1"));
  loop.callSoon(print, "soon between");
  const t2 = asyncio.createTask(body("t2"));
  loop.callSoon(print, "soon after");
  print("main created both; t1 done:", t1.done());
  const r = yield* t1;
  print("main got", r);
  print("main got", yield* t2);
}

await asyncio.run(main());
