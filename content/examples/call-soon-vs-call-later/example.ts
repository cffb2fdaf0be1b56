import * as asyncio from "asyncio";

function say(what: string): void {
  console.log(`${asyncio.getRunningLoop().time().toFixed(1)} ${what}`);
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  loop.callLater(2, say, "call_later(2)");
  loop.callLater(1, say, "call_later(1)");
  loop.callSoon(say, "call_soon: first");
  loop.callSoon(say, "call_soon: second");
  say("main: nothing has run yet");
  yield* asyncio.sleep(3); // only now does the event loop get to run the callbacks
  say("main: done");
}

await asyncio.run(main());
