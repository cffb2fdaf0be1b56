// gather keeps argument order, not completion order; the first exception is
// raised at once while the other children keep running; return_exceptions
// collects errors as values.
import * as asyncio from "asyncio";
import { fmt, print, repr } from "../py";

function* job(name: string, delay: number, fail = false) {
  yield* asyncio.sleep(delay);
  print(`${name} finishes at ${asyncio.getRunningLoop().time().toFixed(3)}`);
  if (fail) throw new asyncio.ValueError(`${name} failed`);
  return name.toUpperCase();
}

function* main() {
  const loop = asyncio.getRunningLoop();
  print(repr(yield* asyncio.gather(job("a", 0.3), job("b", 0.1), job("c", 0.2))));
  print("empty gather:", repr(yield* asyncio.gather()));
  try {
    yield* asyncio.gather(job("d", 0.2), job("e", 0.1, true), job("f", 0.3));
  } catch (e) {
    if (!(e instanceof asyncio.ValueError)) throw e;
    print(`gather raised ${fmt(e)} at ${loop.time().toFixed(3)}`);
  }
  yield* asyncio.sleep(0.5);
  const res = yield* asyncio.gather(job("g", 0.1, true), job("h", 0.2), { returnExceptions: true });
  print(repr(res.map((r) => (r instanceof Error ? fmt(r) : r))));
  const fut = loop.createFuture<string>();
  loop.callLater(0.1, () => fut.setResult("plain future"));
  print(repr(yield* asyncio.gather(fut, job("i", 0.05))));
  const same = job("j", 0);
  const t = asyncio.ensureFuture(same);
  print(repr(yield* asyncio.gather(t, t, t)));
}

await asyncio.run(main());
