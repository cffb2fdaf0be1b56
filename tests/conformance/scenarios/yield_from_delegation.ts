// yield from (JS yield*) passes sends and throws straight through to the
// inner generator and evaluates to its return value.
import { print } from "../py";

class KeyError extends Error {
  override name = "KeyError";
}

function* inner(): Generator<number, string[], string | null | undefined> {
  const got: string[] = [];
  for (;;) {
    let x: string | null | undefined;
    try {
      x = yield got.length;
    } catch (e) {
      if (!(e instanceof KeyError)) throw e;
      got.push("thrown");
      continue;
    }
    if (x === null || x === undefined) return got;
    got.push(x);
  }
}

function* outer(): Generator<number | string, string, string | null | undefined> {
  const result = yield* inner();
  print("outer received", result);
  yield "outer done";
  return "end";
}

const g = outer();
print(g.next().value);
print(g.next("a").value);
print(g.next("b").value);
print(g.throw(new KeyError("k")).value);
print(g.next(null).value);
const last = g.next();
if (last.done) print("returned", last.value);
