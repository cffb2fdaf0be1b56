// Default task names count up from Task-1 across the process; current_task()
// and all_tasks() see the running tasks.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

function* child(n: number) {
  const me = asyncio.currentTask()!;
  print(`child ${n} is ${me.getName()}`);
  yield* asyncio.sleep(n * 0.1);
}

function* main() {
  print("main is", asyncio.currentTask()!.getName());
  const tasks = [1, 2, 3].map((i) => asyncio.createTask(child(i)));
  const named = asyncio.createTask(child(9), { name: "special" });
  yield* asyncio.sleep(0);
  print("all tasks:", asyncio.allTasks().size);
  print("names:", repr([...asyncio.allTasks()].map((t) => t.getName()).sort()));
  yield* asyncio.gather(...tasks, named);
  print("after gather:", asyncio.allTasks().size);
  print("coro of named is a coroutine:", asyncio.isCoroutine(named.getCoro()));
}

await asyncio.run(main());
await asyncio.run(main());
try {
  asyncio.currentTask();
} catch (e) {
  print(`outside: ${fmt(e)}`);
}
