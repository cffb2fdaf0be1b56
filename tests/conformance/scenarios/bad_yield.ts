// What a task does with values its coroutine should not yield: it throws a
// RuntimeError back in at that yield, on the next loop turn.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

/** Yields a future with a plain `yield` (not `yield*`), so it is not marked blocking. */
function* yieldsFuturePlainly(fut: asyncio.Future): Generator<unknown, unknown, unknown> {
  return yield fut;
}

function* yieldsValue(value: unknown): Generator<unknown, unknown, unknown> {
  return yield value;
}

function* yieldsNothing(): Generator<unknown, unknown, unknown> {
  return yield;
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const fut = loop.createFuture();
  try {
    yield* yieldsFuturePlainly(fut);
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("plain yield of a future:", e.message.split(" in task ")[0]);
  }
  for (const v of [42, "text", [1, 2]]) {
    try {
      yield* yieldsValue(v);
    } catch (e) {
      if (!(e instanceof asyncio.RuntimeError)) throw e;
      print(fmt(e));
    }
  }
  print("bare yield gives back:", repr(yield* yieldsNothing()));
  const otherLoop = asyncio.newEventLoop();
  const other = otherLoop.createFuture();
  try {
    yield* other;
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print("other loop's future:", e.message.includes("attached to a different loop"));
  }
  otherLoop.close();
  print("future still pending:", !fut.done());
  return "main survived";
}

// The plain yields above are type errors by design; this scenario checks the runtime answer.
print(await asyncio.run(main() as asyncio.Coroutine<string>));
