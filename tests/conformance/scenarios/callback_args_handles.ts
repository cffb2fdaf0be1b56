// Callbacks get their positional arguments; a handle cancelled from inside
// the same batch is skipped; timers cancelled early leave the order intact.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

const loop = asyncio.newEventLoop();
const seen: unknown[][] = [];

function rec(...args: unknown[]): void {
  seen.push(args);
  print("rec", ...args.map(repr));
}

const handles: asyncio.Handle[] = [];

function cancelNext(): void {
  print("cancel_next cancels the handle after it");
  handles[2].cancel();
}

handles.push(loop.callSoon(rec, 1, "two", null));
handles.push(loop.callSoon(cancelNext));
handles.push(loop.callSoon(rec, "should not run"));
handles.push(loop.callSoon(rec));
const timers = [0, 1, 2, 3, 4, 5].map((i) => loop.callLater(0.1 * (i % 3), rec, `timer${i}`));
timers[1].cancel();
timers[4].cancel();
loop.callLater(1, () => loop.stop());
await loop.runForever();
print("ran", seen.length, "callbacks");
loop.close();
