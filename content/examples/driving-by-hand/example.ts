// No asyncio: a few lines of scheduler are enough to run coroutines by hand.
export {};

function* worker(name: string, steps: number): Generator<undefined, string, undefined> {
  for (let i = 0; i < steps; i++) {
    console.log(`${name}: step ${i}`);
    yield; // pause: control goes back to the scheduler
  }
  return `${name} finished`;
}

function run(coros: Generator<undefined, string, undefined>[]): void {
  const ready = [...coros]; // the ready queue (a deque in Python)
  while (ready.length > 0) {
    const coro = ready.shift()!; // popleft()
    const step = coro.next(); // send(None): resume it until its next yield
    if (step.done) {
      console.log("  ->", step.value); // returned (StopIteration in Python): drop it
    } else {
      ready.push(coro); // paused: back to the end of the queue
    }
  }
}

run([worker("A", 2), worker("B", 3)]);
