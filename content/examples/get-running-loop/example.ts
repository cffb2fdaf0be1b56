import * as asyncio from "asyncio";

function* main(): asyncio.Coroutine<string> {
  // Inside a coroutine, ask for the loop that is running it.
  const loop = asyncio.getRunningLoop();
  loop.callLater(0.5, () => console.log("callback on the running loop"));
  yield* asyncio.sleep(1);
  const same = asyncio.currentTask()?.getLoop() === loop ? "True" : "False";
  console.log(`same loop for every task: ${same}`);
  return "done";
}

// Outside any loop there is no running loop to ask for: it raises, always.
try {
  asyncio.getRunningLoop();
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  console.log(`outside a loop: ${e.message}`);
}

// asyncio.run() makes the loop, runs main() to the end, and closes the loop.
console.log(await asyncio.run(main()));
