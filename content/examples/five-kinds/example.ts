import * as asyncio from "asyncio";

// In the loop library kinds 1-3 are all `function*`: what tells them apart is who
// drives them, which is exactly what this example prints.

function* gen(): Generator<number, void> {
  // 1. generator
  yield 1;
  yield 2;
}

function* genCoro(): asyncio.Coroutine<string> {
  // 2. generator-based coroutine (Python: @types.coroutine)
  yield; // a bare yield: one loop turn
  return "gen_coro";
}

function* native(): asyncio.Coroutine<string> {
  // 3. native coroutine (Python: async def)
  yield* genCoro();
  return "native";
}

// f"{kind:<26}" pads on the right, like padEnd(26).
function show(kind: string, driver: string, value: string): void {
  console.log(`${kind.padEnd(26)}| ${driver.padEnd(34)}| ${value}`);
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  show("generator", "next(), here from list()", `[${[...gen()].join(", ")}]`);
  show("generator-based coroutine", "await, i.e. yield from", yield* genCoro());
  show("native coroutine", "await", yield* native());
  const fut: asyncio.Future<string> = loop.createFuture(); // 4. Future
  loop.callSoon((v: string) => fut.setResult(v), "future"); // fut.set_result
  show("Future", "whoever calls set_result()", yield* fut);
  const task = asyncio.createTask(native()); // 5. Task
  show("Task", "the event loop, calling send()", yield* task);
}

await asyncio.run(main());
