import * as asyncio from "asyncio";

// Python prints booleans as True/False.
const py = (b: boolean): string => (b ? "True" : "False");

function onDone(fut: asyncio.Future<number>): void {
  console.log("callback: result() =", fut.result());
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut: asyncio.Future<number> = loop.createFuture();
  fut.addDoneCallback(onDone);
  console.log("done() before:", py(fut.done()));
  fut.setResult(42); // schedules onDone with callSoon; does not call it
  console.log("done() after set_result():", py(fut.done()));
  console.log("main goes on; the callback waits for the next loop turn");
  yield* asyncio.sleep(0); // give the event loop one turn
  fut.addDoneCallback(() => console.log("late callback: scheduled too"));
  console.log("added a callback to a future that is already done");
  yield* asyncio.sleep(0);
  console.log("main: done");
}

await asyncio.run(main());
