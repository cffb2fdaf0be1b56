import * as asyncio from "asyncio";

// In the loop library both Python forms become the same thing: a generator function
// whose `yield*` plays `yield from` (the older form) and `await` (the newer one).
// That is the point of the mapping: async/await is the generator form, renamed.

/** Python: @types.coroutine def generator_style(...): ... yield from asyncio.sleep(...) */
function* generatorStyle(seconds: number): asyncio.Coroutine<string> {
  console.log("  generator_style: body starts");
  yield* asyncio.sleep(seconds);
  return "generator_style done";
}

/** Python: async def native_style(...): ... await asyncio.sleep(...) */
function* nativeStyle(seconds: number): asyncio.Coroutine<string> {
  console.log("  native_style: body starts");
  yield* asyncio.sleep(seconds);
  return "native_style done";
}

function* main(): asyncio.Coroutine<void> {
  const loop = asyncio.getRunningLoop();
  const coro = nativeStyle(1); // calling runs nothing: it only creates a coroutine
  const gen = generatorStyle(1); // the same for the generator form
  console.log("both created, nothing printed by them yet");
  console.log(`${loop.time().toFixed(1)} awaiting native_style`);
  let result = yield* coro;
  console.log(`${loop.time().toFixed(1)} ${result}`);
  console.log(`${loop.time().toFixed(1)} awaiting generator_style`);
  result = yield* gen;
  console.log(`${loop.time().toFixed(1)} ${result}`);
}

await asyncio.run(main());
