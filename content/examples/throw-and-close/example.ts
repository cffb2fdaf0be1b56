export {};

class Reset extends Error {
  override name = "Reset";
}

// Python's close() throws GeneratorExit into the generator at its paused yield, so
// `except GeneratorExit` and `finally` both see it. JavaScript's gen.return() is not
// the same: it resumes the generator with a "return" that runs `finally` blocks but
// never reaches a `catch`. To behave like Python, we throw a GeneratorExit ourselves.
class GeneratorExit extends Error {
  override name = "GeneratorExit";
}

/** Python's generator.close(): throw GeneratorExit in; fine if it comes back out. */
function close(gen: Generator<unknown, unknown, unknown>): void {
  try {
    const step = gen.throw(new GeneratorExit());
    if (!step.done) throw new Error("generator ignored GeneratorExit"); // Python: RuntimeError
  } catch (e) {
    if (!(e instanceof GeneratorExit)) throw e;
  }
}

function* counter(): Generator<number, void, unknown> {
  let count = 0;
  try {
    while (true) {
      try {
        yield count;
        count += 1;
      } catch (e) {
        if (!(e instanceof Reset)) throw e; // except Reset:
        console.log("  counter: caught Reset, back to 0");
        count = 0;
      }
    }
  } catch (e) {
    if (e instanceof GeneratorExit) console.log("  counter: GeneratorExit raised at the paused yield");
    throw e; // raise
  } finally {
    console.log("  counter: finally runs");
  }
}

const c = counter();
console.log("next() ->", c.next().value);
console.log("next() ->", c.next().value);
console.log("throw(Reset()) ->", c.throw(new Reset()).value); // throw() is the same name in JS
console.log("next() ->", c.next().value);
console.log("close()");
close(c);
if (c.next().done) console.log("next() after close(): StopIteration");
