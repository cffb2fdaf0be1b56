// When more than 100 timers are scheduled and over half are cancelled, the loop
// rebuilds its heap (heapify); equal deadlines then come out in the new order.
import * as asyncio from "asyncio";
import { print } from "../py";

const loop = asyncio.newEventLoop();
const fired: (number | string)[] = [];
const handles: asyncio.TimerHandle[] = [];
for (let i = 0; i < 150; i++) handles.push(loop.callAt(5.0 + (i % 4), (x: number) => fired.push(x), i));
for (let i = 0; i < 150; i++) if (i % 3 !== 0) handles[i].cancel();
loop.callAt(1.0, () => fired.push("first"));
loop.callAt(20.0, () => loop.stop());
await loop.runForever();
print(fired[0], fired.length - 1);
const rest = fired.slice(1);
for (let k = 0; k < rest.length; k += 10) print(rest.slice(k, k + 10).map(String).join(" "));
loop.close();
