// run_until_complete returns the result or raises the error; a closed loop and
// a loop that is already running refuse to run.
import * as asyncio from "asyncio";
import { fmt, print } from "../py";

function* answer() {
  yield* asyncio.sleep(0.5);
  return 42;
}

function* boom(): asyncio.Coroutine<never> {
  yield* asyncio.sleep(0);
  throw new asyncio.ValueError("boom");
}

const loop = asyncio.newEventLoop();
print("result", await loop.runUntilComplete(answer()));
print(`time ${loop.time().toFixed(3)}`);
try {
  await loop.runUntilComplete(boom());
} catch (e) {
  if (!(e instanceof asyncio.ValueError)) throw e;
  print("raised", fmt(e));
}

const fut = loop.createFuture<string>();
loop.callSoon(() => fut.setResult("from a future"));
print("future:", await loop.runUntilComplete(fut));

function* nested() {
  const other = loop.createFuture();
  try {
    void loop.runUntilComplete(other);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("nested:", fmt(e));
  }
  try {
    void loop.runForever();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("nested run_forever:", fmt(e));
  }
  return "outer still fine";
}

print(await loop.runUntilComplete(nested()));

const fut2 = loop.createFuture();
loop.callSoon(() => loop.stop());
try {
  await loop.runUntilComplete(fut2);
} catch (e) {
  if (!(e instanceof asyncio.RuntimeError)) throw e;
  print("stopped:", fmt(e));
}
print("fut2 done:", fut2.done());

loop.close();
loop.close();
print("closed:", loop.isClosed());
const calls: [string, () => unknown][] = [
  ["run_until_complete", () => loop.runUntilComplete(fut)],
  ["run_forever", () => loop.runForever()],
  ["call_soon", () => loop.callSoon(print, "never")],
  ["call_at", () => loop.callAt(1, print, "never")],
];
for (const [what, call] of calls) {
  try {
    call();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(what, fmt(e));
  }
}
