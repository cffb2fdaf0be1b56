import * as asyncio from "asyncio";

const py = (b: boolean): string => (b ? "True" : "False"); // Python's True/False

function* job(name: string): asyncio.Coroutine<string> {
  yield* asyncio.sleep(0);
  return name;
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();

  const t1 = asyncio.ensureFuture(job("a")); // a coroutine: wrapped in a new Task
  console.log("ensure_future(coroutine) is a Task:", py(t1 instanceof asyncio.Task));

  const fut: asyncio.Future<string> = loop.createFuture();
  const t2 = asyncio.ensureFuture(fut); // already a future: returned as it is
  console.log("ensure_future(future) is the same future:", py(t2 === fut));

  const t3 = asyncio.createTask(job("c")); // createTask: coroutines only
  console.log("create_task(coroutine) is a Task:", py(t3 instanceof asyncio.Task));
  try {
    // A future is not a coroutine; the cast gets it past the type checker so the
    // library can reject it at run time, as Python does.
    asyncio.createTask(fut as unknown as asyncio.Coroutine<string>);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    console.log("create_task(future) raises TypeError");
  }

  loop.callSoon((v: string) => fut.setResult(v), "b"); // fut.set_result, bound to fut
  // Python evaluates `await t1, await t2, await t3` left to right; so do we.
  const a = yield* t1;
  const b = yield* t2;
  const c = yield* t3;
  console.log("results:", a, b, c);
}

await asyncio.run(main());
