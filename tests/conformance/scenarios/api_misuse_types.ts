// Wrong types given to asyncio raise what CPython's own code raises on them: a delay
// or timeout that is no number fails where asyncio first adds or compares it; a future
// takes only exceptions; call_soon refuses a coroutine object (in debug mode); and
// values show as Python shows them (None, True, dicts) in reprs, names and messages.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

function* work(): asyncio.Coroutine<number> {
  yield* asyncio.sleep(0.1);
  return 1;
}

function caught(e: unknown): boolean {
  return e instanceof TypeError || e instanceof asyncio.ValueError || e instanceof asyncio.AttributeError
    || e instanceof asyncio.RuntimeError;
}

function* attempt(label: string, make: () => asyncio.Coroutine<unknown> | asyncio.Future<unknown>): asyncio.Coroutine<void> {
  try {
    const v = yield* make();
    print(label, "->", v);
  } catch (e) {
    if (!caught(e)) throw e;
    print(label, "raises", fmt(e));
  }
}

function attemptNow(label: string, fn: () => unknown): void {
  try {
    print(label, "->", fn());
  } catch (e) {
    if (!caught(e)) throw e;
    print(label, "raises", fmt(e));
  }
}

const cb = (): void => {};
const bad = <T>(x: unknown): T => x as T;

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture<unknown>();
  attemptNow("set_exception(42)", () => fut.setException(42));
  attemptNow("set_exception('boom')", () => fut.setException("boom"));
  print("still pending:", String(fut));
  fut.setResult(null);
  print(String(fut));
  for (const value of [true, { a: 1, b: [1, null] }]) {
    const f = loop.createFuture<unknown>();
    f.setResult(value);
    print(String(f));
  }

  // The library checks callbacks always, as CPython does in debug mode.
  const coro = work();
  attemptNow("call_soon(coroutine)", () => loop.callSoon(bad(coro)));
  coro.return(0);

  attemptNow("call_later('1')", () => loop.callLater(bad("1"), cb));
  attemptNow("call_later([1])", () => loop.callLater(bad([1]), cb));
  yield* attempt("sleep('1')", () => asyncio.sleep(bad("1")));
  yield* attempt("sleep(None)", () => asyncio.sleep(bad(null)));
  const t = asyncio.createTask(work());
  yield* attempt("wait([t], timeout='1')", () => asyncio.wait([t], { timeout: bad("1") }));
  yield* attempt("wait([42])", () => asyncio.wait(bad<asyncio.Future<unknown>[]>([42])));
  yield* t;

  function* inTimeout(cm: asyncio.Timeout): asyncio.Coroutine<string> {
    return yield* asyncio.asyncWith(cm, function* () {
      return "entered";
    });
  }

  attemptNow("timeout('1')", () => asyncio.timeout(bad("1")));
  yield* attempt("timeout_at('x')", () => inTimeout(asyncio.timeoutAt(bad("x"))));
  const cm = asyncio.timeout(1);
  print(yield* inTimeout(cm), String(cm));

  attemptNow("set_event_loop(42)", () => asyncio.setEventLoop(bad(42)));
  attemptNow("set_event_loop('x')", () => asyncio.setEventLoop(bad("x")));
  const task = asyncio.createTask(work());
  for (const name of [null, true, ["a"], 7]) {
    task.setName(name);
    print("name:", repr(task.getName()));
  }
  yield* task;

  const q = new asyncio.Queue<unknown>(2);
  q.putNowait(1);
  q.putNowait("two");
  print(String(q));
  attemptNow("Condition(42)", () => new asyncio.Condition(bad(42)));
  const cond = new asyncio.Condition();
  yield* attempt("wait_for(42)", () => asyncio.asyncWith(cond, function* () {
    return yield* cond.waitFor(bad(42));
  }));
  attemptNow("Semaphore('2')", () => new asyncio.Semaphore(bad("2")));
  attemptNow("Semaphore(None)", () => new asyncio.Semaphore(bad(null)));
}

await asyncio.run(main());
