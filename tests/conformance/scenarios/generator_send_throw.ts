// Plain generators, no loop: next/send feed values in at the paused yield,
// throw raises there, a return value ends the iteration.
// (JS: g.next(v) is g.send(v); a finished generator reports done instead of StopIteration.)
import { fmt, print, repr } from "../py";

class ValueError extends Error {
  override name = "ValueError";
}
class RuntimeError extends Error {
  override name = "RuntimeError";
}

function* averager(): Generator<number | null, [number, number | null], number | null | undefined> {
  let total = 0.0;
  let count = 0;
  let avg: number | null = null;
  for (;;) {
    let value: number | null | undefined;
    try {
      value = yield avg;
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print("averager caught", fmt(e));
      value = 0;
    }
    if (value === null || value === undefined) return [count, avg];
    total += value;
    count += 1;
    avg = total / count;
  }
}

const g = averager();
print("primed:", repr(g.next().value));
for (const v of [10, 20, 60]) {
  print(`send ${v} -> ${(g.next(v).value as number).toFixed(2)}`);
}
print(`throw ValueError -> ${(g.throw(new ValueError("ignore me")).value as number).toFixed(2)}`);
const end = g.next(null);
if (end.done) {
  const [count, avg] = end.value;
  print(`finished: count=${count} avg=${avg!.toFixed(2)}`);
}
const after = g.next();
if (after.done) print("after the end: StopIteration again, value", repr(after.value));

function* fragile() {
  yield 1;
  yield 2;
}

const h = fragile();
h.next();
try {
  h.throw(new RuntimeError("uncaught inside"));
} catch (e) {
  print("throw propagated:", fmt(e));
}
if (h.next().done) print("the generator is finished after an uncaught throw");
