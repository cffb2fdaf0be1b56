// Done callbacks are always scheduled with call_soon, never called at once,
// even when the future is already done; they run in the order added.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

const loop = asyncio.newEventLoop();

function cb(name: string) {
  return (fut: asyncio.Future<string>): void => {
    print(`${name}: result=${repr(fut.result())}`);
  };
}

const [a, b, c] = [cb("a"), cb("b"), cb("c")];
const f = loop.createFuture<string>();
f.addDoneCallback(a);
f.addDoneCallback(b);
f.addDoneCallback(a);
f.addDoneCallback(c);
print("removed a:", f.removeDoneCallback(a));
print("removed a again:", f.removeDoneCallback(a));
f.addDoneCallback(b);

function marker(x: number): void {
  print("marker", x);
}

loop.callSoon(marker, 1);
f.setResult("v");
print("set_result returned; nothing ran yet");
loop.callSoon(marker, 2);

const done = loop.createFuture<string>();
done.setResult("early");
done.addDoneCallback(cb("late-added"));
print("added to a done future; nothing ran yet");
loop.callSoon(marker, 3);
print("removed b:", f.removeDoneCallback(b));
loop.callLater(0.1, () => loop.stop());
await loop.runForever();
loop.close();
