// Timers fire in deadline order, and loop.time() jumps to each deadline.
import * as asyncio from "asyncio";

const loop = asyncio.newEventLoop();
const start = loop.time();
console.log(`start ${start.toFixed(3)}`);

function fire(name: string): void {
  console.log(`${name} at ${(loop.time() - start).toFixed(3)}`);
}

loop.callLater(0.3, fire, "c");
loop.callLater(0.1, fire, "a");
loop.callLater(0.2, fire, "b");
loop.callAt(start + 0.15, fire, "call_at 0.15");
loop.callLater(0, fire, "zero");
loop.callLater(-5, fire, "negative");
const h = loop.callLater(0.25, fire, "d");
console.log(`when of d: ${(h.when() - start).toFixed(3)}`);
loop.callLater(0.5, () => loop.stop());
await loop.runForever();
console.log(`end ${(loop.time() - start).toFixed(3)}`);
loop.close();
