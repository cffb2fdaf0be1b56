import * as asyncio from "asyncio";

// TypeScript has no @decorator for plain functions, but a decorator is only a
// function that takes a function and returns one: we call it by hand.
function trace<A extends number[], R>(func: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    console.log(`call ${func.name}(${args.join(", ")})`); // repr() of ints is just the digits
    const result = func(...args);
    // A generator object's toString tag is "Generator": Python's types.GeneratorType.
    const isGenerator = Object.prototype.toString.call(result) === "[object Generator]";
    console.log(`${func.name} returned ${isGenerator ? "a generator" : String(result)}`);
    return result;
  };
}

const add = trace(function add(a: number, b: number): number {
  return a + b;
});

// @types.coroutine is not needed: in the loop library every function* is a coroutine.
const pause = trace(function* pause(turns: number): asyncio.Coroutine<number> {
  for (let i = 0; i < turns; i++) {
    console.log(`  pause: turn ${i}`);
    yield; // a bare yield gives the event loop one turn
  }
  return turns;
});

function* main(): asyncio.Coroutine<void> {
  console.log("add gave", add(2, 3));
  console.log("pause gave", yield* pause(2)); // the trace sees the call, not the turns
}

await asyncio.run(main());
