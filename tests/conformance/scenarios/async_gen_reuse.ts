// The awaitables from __anext__/asend/athrow/aclose are one-shot: awaiting one a
// second time raises RuntimeError, whether the first await gave a value, raised,
// or ended the generator. A fresh call gives a fresh awaitable. (The athrow() here
// gets its value back without the generator awaiting first: in 3.11 an athrow()
// that suspended before its value can be awaited again, CPython bug gh-117894,
// fixed in 3.12; the library raises there too.)
import * as asyncio from "asyncio";
import { print, str } from "../py";

const counter = asyncio.asyncGenerator(function* counter(emit: asyncio.Emit<number, number>) {
  try {
    let n = 0;
    for (;;) {
      let got: number | undefined;
      try {
        got = yield* emit(n);
      } catch (e) {
        if (!(e instanceof asyncio.ValueError)) throw e;
        print(`counter caught ${e.message}`);
        n += 100;
        continue;
      }
      yield* asyncio.sleep(0.25);
      n = got === undefined ? n + 1 : got;
    }
  } finally {
    print("counter closing");
    yield* asyncio.sleep(0.5);
    print("counter closed");
  }
});

function* again(label: string, aw: asyncio.Awaitable) {
  try {
    yield* aw;
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(`${label} again: ${e.name}: ${e.message}`);
  }
}

class KeyError extends Error {
  override name = "KeyError";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const g = counter();
  const first = g.anext();
  print("first:", yield* first);
  yield* again("__anext__", first);
  const sent = g.asend(10);
  print("asend(10):", yield* sent, `at ${loop.time().toFixed(3)}`);
  yield* again("asend", sent);
  const thrown = g.athrow(new asyncio.ValueError("nudge"));
  print("athrow:", yield* thrown);
  yield* again("athrow", thrown);
  print("fresh __anext__:", yield* g.anext());
  const closing = g.aclose();
  print("aclose:", str(yield* closing), `at ${loop.time().toFixed(3)}`);
  yield* again("aclose", closing);
  const last = g.anext();
  try {
    yield* last;
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("finished: StopAsyncIteration");
  }
  yield* again("finished __anext__", last);
  const late = g.aclose();
  print("aclose of a finished generator:", str(yield* late));
  yield* again("finished aclose", late);

  const h = counter();
  const failing = h.athrow(new KeyError("k"));
  try {
    yield* failing;
  } catch (e) {
    if (!(e instanceof KeyError)) throw e;
    print(`athrow before start raised KeyError '${e.message}'`);
  }
  yield* again("failed athrow", failing);
}

await asyncio.run(main());
