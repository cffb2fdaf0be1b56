// call_soon runs callbacks first-in first-out, with their arguments; a callback
// scheduled while the loop runs a batch waits for the next batch.
import * as asyncio from "asyncio";
import { print } from "../py";

const loop = asyncio.newEventLoop();

function cb(name: string, ...args: unknown[]): void {
  print("run", name, ...args);
}

function spawner(name: string): void {
  print("run", name, "(schedules more)");
  loop.callSoon(cb, name + ".child1");
  loop.callSoon(cb, name + ".child2");
}

function stopper(): void {
  print("stop requested");
  loop.stop();
}

loop.callSoon(cb, "a", 1, 2);
loop.callSoon(spawner, "b");
loop.callSoon(cb, "c");
loop.callSoon(spawner, "d");
loop.callSoon(cb, "e", "x");
loop.callLater(0.001, stopper);
await loop.runForever();
print("running:", loop.isRunning());
loop.close();
print("closed:", loop.isClosed());
