// shield: cancelling the outer await leaves the inner work running.
import * as asyncio from "asyncio";
import { print } from "../py";

function* work(name: string, delay: number) {
  try {
    yield* asyncio.sleep(delay);
    print(`${name} finished at ${asyncio.getRunningLoop().time().toFixed(3)}`);
    return name;
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${name} was cancelled`);
    throw e;
  }
}

function* waiter<T>(aw: asyncio.Awaitable<T>) {
  try {
    return yield* asyncio.shield(aw);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print("waiter's shield was cancelled");
    throw e;
  }
}

function* main() {
  const inner = asyncio.createTask(work("inner", 1));
  const w = asyncio.createTask(waiter(inner));
  yield* asyncio.sleep(0.5);
  w.cancel();
  try {
    yield* w;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("waiter cancelled; inner done:", inner.done());
  }
  print("inner result:", yield* inner);

  print("shield of a finished coroutine:", yield* asyncio.shield(work("quick", 0)));
  const inner2 = asyncio.createTask(work("inner2", 1));
  const outer = asyncio.shield(inner2);
  yield* asyncio.sleep(0.1);
  inner2.cancel();
  try {
    yield* outer;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("cancelling the inner cancels the shield too:", outer.cancelled());
  }
}

await asyncio.run(main());
