// A bare yield in a generator-based coroutine gives the loop exactly one turn,
// like sleep(0), and the task is resumed with None.
import * as asyncio from "asyncio";
import { print } from "../py";

function* oneTurn(): Generator<undefined, unknown, unknown> {
  const v = yield;
  return v;
}

function* worker(name: string) {
  for (let i = 0; i < 3; i++) {
    print(name, i);
    const got = yield* oneTurn();
    if (got !== undefined) throw new Error(`resumed with ${String(got)}`);
  }
  return name;
}

function* main() {
  const a = asyncio.createTask(worker("a"));
  const b = asyncio.createTask(worker("b"));
  print(yield* a, yield* b);
}

await asyncio.run(main());
