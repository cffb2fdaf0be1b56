import * as asyncio from "asyncio";

const py = (b: boolean): string => (b ? "True" : "False"); // Python's True/False

function* work(): asyncio.Coroutine<string> {
  console.log("  work: started");
  yield* asyncio.sleep(1);
  console.log("  work: finishing");
  return "result!";
}

function* main(): asyncio.Coroutine<void> {
  const task = asyncio.createTask(work()); // pending: scheduled, not started
  console.log("created: done() =", py(task.done()));
  try {
    task.result();
  } catch (e) {
    if (!(e instanceof asyncio.InvalidStateError)) throw e;
    console.log("result() too early:", e.message);
  }
  yield* asyncio.sleep(0); // one loop turn: the task runs up to its await
  console.log("suspended: done() =", py(task.done()));
  yield* task;
  console.log("finished: done() =", py(task.done()), "cancelled() =", py(task.cancelled()));
  console.log("result() =", task.result());

  const other = asyncio.createTask(work());
  yield* asyncio.sleep(0);
  other.cancel(); // CancelledError is thrown in at its yield*
  try {
    yield* other;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    console.log("other: done() =", py(other.done()), "cancelled() =", py(other.cancelled()));
  }
}

await asyncio.run(main());
