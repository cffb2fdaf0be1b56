// Async generators: async for drives __anext__; asend/athrow/aclose work like
// send/throw/close, and each may await inside.
import * as asyncio from "asyncio";
import { print, str } from "../py";

const ticker = asyncio.asyncGenerator(function* ticker(emit: asyncio.Emit<number>, n: number, delay: number) {
  try {
    for (let i = 0; i < n; i++) {
      yield* asyncio.sleep(delay);
      yield* emit(i);
    }
  } finally {
    print("ticker finally");
  }
});

const echo = asyncio.asyncGenerator(function* echo(emit: asyncio.Emit<string, string>) {
  let received: string | null | undefined = null;
  try {
    for (;;) {
      try {
        received = yield* emit(`echo ${str(received)}`);
      } catch (e) {
        if (!(e instanceof asyncio.ValueError)) throw e;
        received = `caught ${e.message}`;
      }
    }
  } finally {
    yield* asyncio.sleep(0.1);
    print("echo cleaned up after an await");
  }
});

function* main() {
  const loop = asyncio.getRunningLoop();
  yield* asyncio.asyncFor(ticker(3, 0.5), function* (i) {
    print(`got ${i} at ${loop.time().toFixed(3)}`);
  });
  const g = echo();
  print(yield* g.asend(undefined));
  print(yield* g.asend("hello"));
  print(yield* g.athrow(new asyncio.ValueError("bad")));
  print(yield* asyncio.anext(g));
  yield* g.aclose();
  print(`closed at ${loop.time().toFixed(3)}`);
  try {
    yield* asyncio.anext(g);
  } catch (e) {
    if (!(e instanceof asyncio.StopAsyncIteration)) throw e;
    print("finished generator raises StopAsyncIteration");
  }
  const t = ticker(5, 0);
  print(yield* asyncio.anext(t), yield* asyncio.anext(t));
  yield* t.aclose();
  print("aclose again is fine:", yield* t.aclose());
}

await asyncio.run(main());
