// No event loop here: we play its part and resume the coroutine ourselves.
export {};

/** An awaitable whose iterator yields its label once. */
class Step {
  constructor(readonly label: string) {}

  // Python's __await__ is [Symbol.iterator]: `yield* step` calls it.
  *[Symbol.iterator](): Generator<string, number, number> {
    const reply = yield this.label; // travels out through every yield* to whoever calls next()
    return reply;
  }
}

function* inner(): Generator<string, number, number> {
  const a = yield* new Step("first");
  const b = yield* new Step("second");
  return a + b;
}

function* outer(): Generator<string, number, number> {
  const total = yield* inner(); // yield* delegates: outer -> inner -> Step's iterator
  return total * 10;
}

const coro = outer();
// Python's send(v) is next(v). Python insists the first send is None; JavaScript
// ignores whatever the first next() passes, so we pass nothing.
console.log("send(None) ->", coro.next().value);
console.log("send(1) ->", coro.next(1).value);
// At the end Python raises StopIteration carrying the return value; JavaScript
// reports { done: true, value } instead.
const last = coro.next(2);
if (last.done) console.log("send(2) -> StopIteration, value =", last.value);
