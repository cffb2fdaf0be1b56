// An async generator that ignores GeneratorExit: its aclose() raises RuntimeError, and
// from then on it counts as closed (CPython 3.11's ag_closed) though its body did not
// end: a second aclose() and an athrow() raise StopAsyncIteration at once, without
// running the body, while __anext__() still runs it.
import * as asyncio from "asyncio";
import { print, repr } from "../py";

let done = false;

const swallow = asyncio.asyncGenerator(function* swallow(emit: asyncio.Emit<number>) {
  while (!done) {
    try {
      yield* emit(1);
    } catch (e) {
      if (!(e instanceof asyncio.GeneratorExit)) throw e;
      print("swallowed GeneratorExit");
    }
  }
});

const once = asyncio.asyncGenerator(function* once(emit: asyncio.Emit<number>) {
  yield* emit(1);
});

function* main(): asyncio.Coroutine<void> {
  const s = swallow();
  yield* s.anext();
  const cases: [string, () => asyncio.Coroutine<unknown>][] = [
    ["aclose 1", () => s.aclose()],
    ["aclose 2", () => s.aclose()],
    ["anext", () => s.anext()],
    ["athrow", () => s.athrow(new asyncio.ValueError("x"))],
  ];
  for (const [label, make] of cases) {
    try {
      print(label, "->", yield* make());
    } catch (e) {
      print(label, "raises", (e as Error).name, repr((e as Error).message));
    }
  }
  // Let its body end, so nothing is left for the garbage collector to close.
  done = true;
  try {
    yield* s.anext();
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("body ended");
  }
  // A generator that ended normally is not refused: aclose() and athrow() give None.
  const g = once();
  yield* asyncio.asyncFor(g, function* () {});
  print("ended: aclose ->", yield* g.aclose(), "athrow ->", yield* g.athrow(new asyncio.ValueError("y")));
}

const loop = asyncio.newEventLoop();
await loop.runUntilComplete(main());
