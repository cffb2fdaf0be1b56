// Cancelled handles never run; cancelling twice is harmless; cancelled() says so.
import * as asyncio from "asyncio";
import { print } from "../py";

const loop = asyncio.newEventLoop();

function say(x: unknown): void {
  print("run", x);
}

const h1 = loop.callSoon(say, 1);
const h2 = loop.callSoon(say, 2);
const h3 = loop.callSoon(say, 3);
const t1 = loop.callLater(0.1, say, "timer 0.1");
const t2 = loop.callLater(0.2, say, "timer 0.2");

function canceller(): void {
  print("canceller runs: cancels 3 and timer 0.2");
  h3.cancel();
  t2.cancel();
  t2.cancel();
}

loop.callSoon(canceller);
h2.cancel();
print("h2 cancelled:", h2.cancelled(), "h1 cancelled:", h1.cancelled());
loop.callLater(0.5, () => loop.stop());
await loop.runForever();
print("h3 cancelled:", h3.cancelled(), "t2 cancelled:", t2.cancelled(), "t1 cancelled:", t1.cancelled());
print(`t2 when ${t2.when().toFixed(3)}`);
loop.close();
