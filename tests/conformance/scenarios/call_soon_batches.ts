// Each loop iteration runs exactly the callbacks that were ready when it began.
// A self-rescheduling callback therefore runs once per iteration.
import * as asyncio from "asyncio";

const loop = asyncio.newEventLoop();
let turn = 0;

function tick(): void {
  turn += 1;
  console.log(`tick ${turn}`);
  if (turn < 4) loop.callSoon(tick);
  else loop.stop();
}

function other(n: number): void {
  console.log(`other ${n} (tick count ${turn})`);
  if (n < 3) loop.callSoon(other, n + 1);
}

loop.callSoon(tick);
loop.callSoon(other, 1);
await loop.runForever();
loop.close();
