/**
 * Retained bytes per item (bench/FINDINGS.md, "Allocations per item"): make n items on
 * a fresh loop, keep them alive, and divide the growth of `heapUsed` (after forced
 * collections) by n. Bundled and run like workloads.ts:
 *
 *   npx esbuild bench/loop/alloc.ts --bundle --platform=node --format=esm \
 *     --alias:asyncio=./src/asyncio/index.ts --outfile=/tmp/alloc.mjs
 *   node --expose-gc /tmp/alloc.mjs
 */
import * as asyncio from "asyncio";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");
const N = 100_000;

function perItem(make: (loop: asyncio.EventLoop, i: number) => unknown): number {
  const loop = asyncio.newEventLoop({ clock: "virtual" });
  asyncio.setEventLoop(loop);
  const keep: unknown[] = new Array(N).fill(null);
  make(loop, -1); // warm up the shapes
  gc!(); gc!();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < N; i++) keep[i] = make(loop, i);
  gc!(); gc!();
  const bytes = (process.memoryUsage().heapUsed - before) / N;
  if (keep.length !== N) throw new Error("unreachable");
  asyncio.setEventLoop(null);
  return bytes;
}

function* triv(i: number): asyncio.Coroutine<number> {
  return i;
}
const cb = (_i?: number): void => {};
const rows: [string, (loop: asyncio.EventLoop, i: number) => unknown][] = [
  ["coroutine object (a generator)", (_loop, i) => triv(i)],
  ["createTask(coro): the Task, its coroutine and its first step in the ready queue", (loop, i) => loop.createTask(triv(i))],
  ["callLater(delay, cb, i): TimerHandle in the timer heap", (loop, i) => loop.callLater(1 + i / N, cb, i)],
  ["callSoon(cb): Handle in the ready queue", (loop) => loop.callSoon(cb)],
  ["createFuture()", (loop) => loop.createFuture()],
];
for (const [what, make] of rows) console.log(`| ${what} | ${perItem(make).toFixed(0)} |`);
