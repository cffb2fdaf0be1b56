// Condition: notify(n) wakes the n longest waiters, notify_all wakes the rest,
// each reacquiring the lock in turn; wait_for re-checks its predicate.
import * as asyncio from "asyncio";
import { fmt, print } from "../py";

function* waiter(cond: asyncio.Condition, name: string) {
  yield* asyncio.asyncWith(cond, function* () {
    print(`${name} waits`);
    yield* cond.wait();
    print(`${name} woke, holds lock: ${cond.locked() ? "True" : "False"}`);
  });
}

function* main() {
  const cond = new asyncio.Condition();
  const ts = [0, 1, 2, 3, 4].map((i) => asyncio.createTask(waiter(cond, `w${i}`)));
  yield* asyncio.sleep(0);
  yield* asyncio.asyncWith(cond, function* () {
    cond.notify(2);
    print("notified 2");
  });
  yield* asyncio.sleep(0.1);
  yield* asyncio.asyncWith(cond, function* () {
    cond.notifyAll();
    print("notified all");
  });
  yield* asyncio.gather(...ts);
  try {
    cond.notify();
  } catch (e) {
    if (!(e instanceof asyncio.RuntimeError)) throw e;
    print(fmt(e));
  }

  const state = { n: 0 };

  function* checker() {
    yield* asyncio.asyncWith(cond, function* () {
      const r = yield* cond.waitFor(() => state.n >= 3);
      print("predicate true with n =", state.n, "returned", r);
    });
  }

  const t = asyncio.createTask(checker());
  for (let i = 0; i < 4; i++) {
    yield* asyncio.sleep(0.1);
    yield* asyncio.asyncWith(cond, function* () {
      state.n += 1;
      print("n =", state.n);
      cond.notify();
    });
  }
  yield* t;
}

await asyncio.run(main());
