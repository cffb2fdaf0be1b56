// ensure_future: a future comes back as is, a coroutine becomes a task,
// anything else is a TypeError.
import * as asyncio from "asyncio";
import { fmt, print } from "../py";

class Awaitable {
  *[Symbol.iterator](): Generator<undefined, string, unknown> {
    yield;
    return "from __await__";
  }
}

// eslint-disable-next-line require-yield
function* coro() {
  return "from coroutine";
}

function* main() {
  const loop = asyncio.getRunningLoop();
  const f = loop.createFuture();
  print("same future:", asyncio.ensureFuture(f) === f);
  const t = asyncio.ensureFuture(coro());
  print("coroutine becomes a Task:", t instanceof asyncio.Task, yield* t);
  const a = asyncio.ensureFuture(new Awaitable());
  print("awaitable wrapped:", a instanceof asyncio.Task, yield* a);
  for (const bad of [42, [1, 2], "text"]) {
    try {
      asyncio.ensureFuture(bad as never);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      print(fmt(e));
    }
  }
  print("isfuture:", asyncio.isFuture(f), asyncio.isFuture(t), asyncio.isFuture(coro));
  const c = coro();
  print("iscoroutine:", asyncio.isCoroutine(c), asyncio.isCoroutine(f));
  c.return("closed");
  try {
    yield* asyncio.gather(42 as never);
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    print(`gather: ${fmt(e)}`);
  }
}

await asyncio.run(main());
