export {};

// Generator<yielded, returned, sent>: it hands out averages and receives numbers.
function* averager(): Generator<number | null, never, number> {
  let total = 0.0;
  let count = 0;
  let average: number | null = null;
  while (true) {
    const value = yield average; // hand out the average, wait for the next value
    total += value;
    count += 1;
    average = total / count;
  }
}

// Python prints None for "no value yet" and 10.0 for a float; JavaScript would print
// null and 10. This formats like Python's print.
const show = (x: number | null): string =>
  x === null ? "None" : Number.isInteger(x) ? x.toFixed(1) : String(x);

const coro = averager();
console.log("next() ->", show(coro.next().value)); // prime: run to the first yield
// Python's coro.send(v) is coro.next(v): v becomes the value of the paused yield.
console.log("send(10) ->", show(coro.next(10).value));
console.log("send(30) ->", show(coro.next(30).value));
console.log("send(5) ->", show(coro.next(5).value));
