export {};

function* countdown(n: number): Generator<number, void> {
  console.log("  (body starts)");
  while (n > 0) {
    yield n;
    n -= 1;
  }
  console.log("  (body ends)");
}

const gen = countdown(3);
console.log("countdown(3) returned a generator; the body has not run yet");
while (true) {
  // Python's next(gen) is gen.next(): it runs the body up to the next yield.
  // JavaScript does not throw at the end: the result says { done: true } instead
  // of raising StopIteration.
  const step = gen.next();
  if (step.done) {
    console.log("next() raised StopIteration");
    break;
  }
  console.log("next() ->", step.value);
}

for (const value of countdown(3)) {
  // for...of calls next() and stops at done: true, as Python's for stops at StopIteration
  console.log("for ->", value);
}
