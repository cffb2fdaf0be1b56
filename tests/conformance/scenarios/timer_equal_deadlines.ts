// Timers with equal deadlines come out of the heap in heapq's order, which is
// not insertion order once the heap has to sift.
import * as asyncio from "asyncio";

const loop = asyncio.newEventLoop();
const order: string[] = [];

function fire(name: string): void {
  order.push(name);
}

for (let i = 0; i < 12; i++) loop.callAt(1.0, fire, `t${i}`);
loop.callAt(2.0, () => loop.stop());
await loop.runForever();
console.log("12 equal:", order.join(" "));

order.length = 0;
for (let i = 0; i < 7; i++) {
  loop.callAt(5.0, fire, `u${i}`);
  loop.callAt(4.0, fire, `v${i}`);
}
loop.callAt(6.0, () => loop.stop());
await loop.runForever();
console.log("two groups:", order.join(" "));
console.log(`time ${loop.time().toFixed(3)}`);
loop.close();
