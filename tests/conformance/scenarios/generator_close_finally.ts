// Closing a paused generator runs its finally blocks (Python: close() throws
// GeneratorExit; JavaScript: return() -- only the finally part matches).
import { print } from "../py";

function* counter(name: string) {
  try {
    let i = 0;
    for (;;) {
      yield i;
      i += 1;
    }
  } finally {
    print(`${name}: finally runs`);
  }
}

const g = counter("g");
print(g.next().value, g.next().value, g.next().value);
g.return(undefined);
const n = g.next();
print("closed; next gives StopIteration:", n.done ? "exhausted" : n.value);

const h = counter("h");
h.return(undefined);
print("closing an unstarted generator runs no finally");

function* inner() {
  try {
    yield "inner 1";
    yield "inner 2";
  } finally {
    print("inner finally");
  }
  return "inner result";
}

function* outer() {
  try {
    const r = yield* inner();
    print("outer got", r);
    yield "outer 3";
  } finally {
    print("outer finally");
  }
}

const o = outer();
print(o.next().value);
o.return(undefined);
print("-- full run:");
print([...outer()]);
