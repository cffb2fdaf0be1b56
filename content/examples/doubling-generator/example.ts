// No asyncio here: a generator is plain JavaScript. `function*` is Python's `def`
// with `yield` in its body. (`export {}` keeps this file a module of its own.)
export {};

function* test(): Generator<number, void> {
  for (let i = 0; i < 10; i++) {
    yield i * 2;
  }
}

// list(test()) is [...test()]; Python prints a list as "[0, 2, ...]", so we format
// it the same way rather than let console.log print a JavaScript array.
console.log(`[${[...test()].join(", ")}]`);
