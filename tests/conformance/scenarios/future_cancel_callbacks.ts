// Cancelling a future schedules its callbacks; a cancelled future raises
// CancelledError carrying the message.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

const loop = asyncio.newEventLoop();

function report(fut: asyncio.Future): void {
  try {
    fut.result();
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(`callback sees CancelledError(${repr(e.message)}), cancelled=${repr(fut.cancelled())}`);
  }
}

const f = loop.createFuture();
f.addDoneCallback(report);
print("cancel:", f.cancel("because"));
print("cancel again:", f.cancel("again"));

function* waiter(fut: asyncio.Future) {
  try {
    yield* fut;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(`waiter caught CancelledError(${repr(e.message)})`);
    return "caught";
  }
  return undefined;
}

const g = loop.createFuture();
const t = loop.createTask(waiter(g));
loop.callSoon(() => g.cancel("from the future"));
print("task result:", await loop.runUntilComplete(t));
loop.close();
