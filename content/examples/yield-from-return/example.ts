export {};

// Python's None (the end marker) is null here.
function* accumulate(): Generator<undefined, number, number | null> {
  let total = 0;
  while (true) {
    const value = yield;
    if (value === null) {
      return total; // becomes the value of the `yield*` expression
    }
    console.log("  accumulate got", value);
    total += value;
  }
}

function* delegate(results: number[]): Generator<undefined, never, number | null> {
  while (true) {
    // `yield from` is `yield*`: next(v) goes straight through to accumulate(),
    // and the subgenerator's return value is the value of the expression.
    const total = yield* accumulate();
    console.log("accumulate() returned", total);
    results.push(total);
  }
}

const results: number[] = [];
const d = delegate(results);
d.next();
for (const v of [1, 2, 3, null, 10, 20, null]) {
  d.next(v); // d.send(v)
}
console.log(`[${results.join(", ")}]`);
