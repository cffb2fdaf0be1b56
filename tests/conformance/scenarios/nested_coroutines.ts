// Awaiting a coroutine runs it inline in the same task: results and
// exceptions pass through every level, and no loop turn is spent.
import * as asyncio from "asyncio";
import { print } from "../py";

// eslint-disable-next-line require-yield
function* leaf(n: number) {
  if (n < 0) throw new asyncio.ValueError(`negative: ${n}`);
  return n * 2;
}

function* middle(n: number) {
  const v = yield* leaf(n);
  return v + 1;
}

function* top(n: number) {
  try {
    return yield* middle(n);
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print("top caught", e.message);
    return -1;
  }
}

function* deep(n: number): asyncio.Coroutine<number> {
  if (n === 0) {
    yield* asyncio.sleep(0.1);
    return 0;
  }
  return 1 + (yield* deep(n - 1));
}

function* main() {
  const loop = asyncio.getRunningLoop();
  let turns = 0;
  let handle: asyncio.Handle;

  function tick(): void {
    turns += 1;
    handle = loop.callSoon(tick);
  }

  handle = loop.callSoon(tick);
  yield* asyncio.sleep(0);
  const before = turns;
  print(yield* top(5), yield* top(-3));
  print("turns spent on pure coroutine calls:", turns - before);
  handle.cancel();
  print("depth:", yield* deep(50), `t=${loop.time().toFixed(3)}`);
}

await asyncio.run(main());
