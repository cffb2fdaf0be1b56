// Values and callbacks as reprs show them, and arguments refused in CPython's words.
// A partial (wait_for's _release_waiter) shows the argument it binds, a closure its
// qualified name; a future's result goes through reprlib (ends kept, six list items,
// four dict items with sorted keys, six levels, 40 digits). wait() and as_completed()
// refuse what is not iterable; athrow() makes an instance of a class and refuses a
// non-exception without touching the generator. (CPython adds each callback's source
// file and line, which no twin has: the Python side drops them.)
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

const bad = <T>(x: unknown): T => x as T;

function attempt(label: string, fn: () => unknown): void {
  try {
    print(label, "->", repr(fn()));
  } catch (e) {
    print(label, "raises", fmt(e));
  }
}

function* aattempt(label: string, make: () => asyncio.Coroutine<unknown>): asyncio.Coroutine<void> {
  try {
    print(label, "->", repr(yield* make()));
  } catch (e) {
    print(label, "raises", fmt(e));
  }
}

const catcher = asyncio.asyncGenerator(function* catcher(emit: asyncio.Emit<string>) {
  for (;;) {
    try {
      yield* emit("ready");
    } catch (e) {
      // Python's `except Exception`: GeneratorExit (aclose) is not caught.
      if (!(e instanceof Error) || e instanceof asyncio.GeneratorExit) throw e;
      print("caught", e.name, repr(e.message));
    }
  }
});

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture<number>();
  asyncio.createTask(asyncio.waitFor(f, 1));
  yield* asyncio.sleep(0);
  print(String(f));
  const f2 = loop.createFuture<number>();
  asyncio.createTask(asyncio.wait([f2]));
  yield* asyncio.sleep(0);
  print(String(f2));
  const g = asyncio.gather(f2);
  print(String(f2));
  f.setResult(1);
  f2.setResult(2);
  yield* asyncio.sleep(0.01);

  for (const v of ["s".repeat(31), "q'uote".repeat(6), [0, 1, 2, 3, 4, 5, 6], [[1, [2, [3, [4, [5, [6, [7]]]]]]]],
    { b: 2, a: 1, e: 5, d: 4, c: 3 }, 10n ** 50n, new Set([1, 2, 3, 4, 5, 6, 7]),
    new Set([30, 10, 20]), new Map<unknown, unknown>([["b", 1], [2, "x"]])]) {
    const r = loop.createFuture<unknown>();
    r.setResult(v);
    print(String(r));
  }

  yield* aattempt("wait(42)", () => asyncio.wait(bad<asyncio.Future<unknown>[]>(42)));
  yield* aattempt("wait(None)", () => asyncio.wait(bad<asyncio.Future<unknown>[]>(null)));
  yield* aattempt("wait(return_when=None)", () => asyncio.wait([g], { returnWhen: bad(null) }));
  attempt("next(as_completed(None))", () => asyncio.asCompleted(bad<asyncio.Future<unknown>[]>(null)).next());

  const c = catcher();
  print(yield* c.anext());
  yield* aattempt("athrow(RuntimeError)", () => c.athrow(asyncio.RuntimeError));
  yield* aattempt("athrow(42)", () => c.athrow(42));
  yield* aattempt("anext after athrow(42)", () => c.anext());
  yield* aattempt("athrow(None)", () => c.athrow(null));
  yield* c.aclose();
}

await asyncio.run(main());
