// sleep(0) yields one loop turn; tasks take turns in the order they were woken.
import * as asyncio from "asyncio";
import { print } from "../py";

function* worker(name: string, n: number) {
  for (let i = 0; i < n; i++) {
    print(`${name} ${i}`);
    yield* asyncio.sleep(0);
  }
  print(`${name} done`);
}

function* main() {
  const a = asyncio.createTask(worker("A", 3));
  const b = asyncio.createTask(worker("B", 2));
  const c = asyncio.createTask(worker("C", 4));
  yield* asyncio.sleep(0);
  print("main after one sleep(0)");
  yield* a;
  print("main after A");
  yield* c;
  print("main after C; B done:", b.done());
}

await asyncio.run(main());
