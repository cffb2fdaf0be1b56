// Many timers whose deadlines collide, added in a pseudo-random order (a small
// LCG, identical in both languages), some cancelled. The firing order is fixed
// by the heap's sift steps.
import * as asyncio from "asyncio";

const loop = asyncio.newEventLoop();
let seed = 12345;

function rnd(n: number): number {
  // (seed * 1103515245 + 12345) % 2**31, exact: only the low 31 bits matter.
  seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
  return seed % n;
}

const fired: string[] = [];

function fire(name: string): void {
  fired.push(name);
}

function scheduler(roundNo: string): void {
  const handles: asyncio.TimerHandle[] = [];
  for (let i = 0; i < 40; i++) {
    const delay = rnd(5) * 0.25;
    handles.push(loop.callLater(delay, fire, `${roundNo}.${i}`));
  }
  for (let j = 0; j < 8; j++) handles[rnd(40)].cancel();
}

loop.callSoon(scheduler, "A");
loop.callLater(0.5, scheduler, "B");
loop.callLater(10, () => loop.stop());
await loop.runForever();
for (let k = 0; k < fired.length; k += 10) console.log(fired.slice(k, k + 10).join(" "));
console.log("count", fired.length);
loop.close();
