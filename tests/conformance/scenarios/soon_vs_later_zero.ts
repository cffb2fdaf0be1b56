// call_later(0) goes through the timer heap: it becomes ready at the start of
// the next iteration, after callbacks already in the ready queue.
import * as asyncio from "asyncio";

const loop = asyncio.newEventLoop();

function say(x: string): void {
  console.log(x);
}

function first(): void {
  console.log("first");
  loop.callLater(0, say, "later(0) from first");
  loop.callSoon(say, "soon from first");
}

loop.callLater(0, say, "later(0) a");
loop.callSoon(first);
loop.callLater(0, say, "later(0) b");
loop.callSoon(say, "soon b");
loop.callLater(0.001, () => loop.stop());
await loop.runForever();
loop.close();
