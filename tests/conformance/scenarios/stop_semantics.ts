// stop() finishes the current batch, then run_forever returns. stop() before
// run_forever makes it run exactly one iteration. run_forever can be resumed.
import * as asyncio from "asyncio";
import { print } from "../py";

const loop = asyncio.newEventLoop();

function say(x: unknown): void {
  print("run", x);
}

function stopper(): void {
  print("stopper");
  loop.stop();
  loop.callSoon(say, "scheduled by stopper");
}

loop.callSoon(say, 1);
loop.callSoon(stopper);
loop.callSoon(say, 2);
await loop.runForever();
print("-- returned");
loop.stop();
loop.callSoon(say, 3);
await loop.runForever();
print("-- returned after one iteration");
loop.callSoon(say, 4);
loop.callLater(1, stopper);
await loop.runForever();
print(`-- time ${loop.time().toFixed(3)}`);
loop.close();
