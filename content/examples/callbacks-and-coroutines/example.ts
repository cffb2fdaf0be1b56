import * as asyncio from "asyncio";

const backgroundTasks = new Set<asyncio.Task<void>>(); // the loop keeps only weak references to tasks

/** Print seconds */
function* printEverySecondCoroutine(name: string): asyncio.Coroutine<void> {
  for (let i = 0; i < 10; i++) {
    console.log(i, `s (coroutine ${name})`);
    yield* asyncio.sleep(1);
  }
  asyncio.getRunningLoop().stop();
}

function printEverySecondsCallback(i: number): void {
  console.log(i, "s (callback)");
  const loop = asyncio.getRunningLoop();
  loop.callLater(1.0, printEverySecondsCallback, i + 1);
}

function printEverySecondsCallbackToCoroutine(): void {
  const task = asyncio.getRunningLoop().createTask(printEverySecondCoroutine("8"));
  backgroundTasks.add(task);
  task.addDoneCallback((t) => backgroundTasks.delete(t)); // set.discard
}

// Python's `if __name__ == '__main__':` block; the loop-running calls return Promises.
const loop = asyncio.newEventLoop();
loop.callSoon(printEverySecondsCallback, 0);
loop.callSoon(printEverySecondsCallbackToCoroutine);
const taskA = loop.createTask(printEverySecondCoroutine("A"));
await loop.runForever();
const pending = asyncio.allTasks(loop); // e.g. '8' if its timer was not yet due
for (const task of pending) {
  task.cancel();
}
if (pending.size > 0) {
  await loop.runUntilComplete(asyncio.wait(pending));
}
loop.close();
