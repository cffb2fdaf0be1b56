/**
 * The loop library's side of bench/loop.mjs: the same six workloads as
 * bench/loop/workloads.py, step for step, on `import * as asyncio from "asyncio"`.
 *
 * bench/loop.mjs bundles this file with esbuild (the bare name `asyncio` aliased to
 * src/asyncio/index.ts) and runs the bundle with plain `node --expose-gc`:
 *
 *   node bundle.mjs [--reps 5] [--only w1,w3] [--scale 1.0] [--host-yields] [--observer]
 *
 * With --host-yields each run also records the loop's host yields (see host-probe.ts).
 * With --observer every loop has an observer attached that counts the events (what
 * the loop view costs; bench/loop-ab.mjs compares it with none).
 *
 * It prints one JSON object on stdout. Every workload checks its own result and the
 * process exits with status 3 when a count is wrong, so a broken workload cannot look
 * fast. Loops use the real clock and run flat out.
 */
import { hostProbeActive, takeHostProbe } from "./host-probe";
import * as asyncio from "asyncio";

type Loop = ReturnType<typeof asyncio.newEventLoop>;

/** n delays in [0, 0.05) s from the 32-bit LCG that workloads.py uses (same bits). */
export function lcgDelays(n: number, seed = 12345): number[] {
  let state = seed >>> 0;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = (state / 4294967296) * 0.05;
  }
  return out;
}

function check(cond: boolean, what: string): void {
  if (!cond) {
    console.error(`workload check failed: ${what}`);
    process.exit(3);
  }
}

/** (1) A chain of n callSoon callbacks: each one schedules the next. */
async function w1Chain(loop: Loop, n: number): Promise<number> {
  const done = loop.createFuture<number>();
  let count = 0;
  const cb = (): void => {
    count += 1;
    if (count < n) loop.callSoon(cb);
    else done.setResult(count);
  };
  loop.callSoon(cb);
  await loop.runUntilComplete(done);
  check(count === n && done.result() === n, `w1 ran ${count} callbacks, expected ${n}`);
  return n;
}

/** (2) n callSoon callbacks queued up front (timed), then run in one go. */
async function w2Queued(loop: Loop, n: number): Promise<number> {
  const done = loop.createFuture<null>();
  let count = 0;
  const cb = (): void => {
    count += 1;
  };
  for (let i = 0; i < n; i++) loop.callSoon(cb);
  loop.callSoon((v: null) => done.setResult(v), null);
  await loop.runUntilComplete(done);
  check(count === n, `w2 ran ${count} callbacks, expected ${n}`);
  return n;
}

/** (3) `tasks` tasks, each awaiting asyncio.sleep(0) k times. */
async function w3Sleep0(loop: Loop, tasks: number, k: number): Promise<number> {
  let count = 0;
  function* worker(): asyncio.Coroutine<void> {
    for (let i = 0; i < k; i++) {
      yield* asyncio.sleep(0);
      count += 1;
    }
  }
  function* main(): asyncio.Coroutine<void> {
    const ts = [];
    for (let i = 0; i < tasks; i++) ts.push(loop.createTask(worker()));
    for (const t of ts) yield* t;
  }
  await loop.runUntilComplete(main());
  check(count === tasks * k, `w3 counted ${count} sleeps, expected ${tasks * k}`);
  return tasks * k;
}

/** (4) A chain of n futures: each one's done-callback creates and resolves the next. */
async function w4Futures(loop: Loop, n: number): Promise<number> {
  const done = loop.createFuture<number>();
  let count = 0;
  const cb = (f: asyncio.Future<number>): void => {
    count += 1;
    if (count < n) {
      const nxt = loop.createFuture<number>();
      nxt.addDoneCallback(cb);
      nxt.setResult(f.result() + 1);
    } else {
      done.setResult(f.result());
    }
  };
  const first = loop.createFuture<number>();
  first.addDoneCallback(cb);
  first.setResult(0);
  await loop.runUntilComplete(done);
  check(count === n && done.result() === n - 1, `w4 resolved ${count} futures, last ${done.result()}`);
  return n;
}

/** (5) callLater timers with the seeded delays; wait until all have fired. */
async function w5Timers(loop: Loop, delays: number[]): Promise<number> {
  const n = delays.length;
  const done = loop.createFuture<null>();
  let count = 0;
  let total = 0;
  const cb = (i: number): void => {
    count += 1;
    total += i;
    if (count === n) done.setResult(null);
  };
  for (let i = 0; i < n; i++) loop.callLater(delays[i], cb, i);
  await loop.runUntilComplete(done);
  check(count === n && total === (n * (n - 1)) / 2, `w5 fired ${count} timers (index sum ${total})`);
  return n;
}

/** (6) gather() of n trivial coroutines. */
async function w6Gather(loop: Loop, n: number): Promise<number> {
  function* triv(i: number): asyncio.Coroutine<number> {
    return i;
  }
  function* main(): asyncio.Coroutine<number[]> {
    const coros: asyncio.Coroutine<number>[] = [];
    for (let i = 0; i < n; i++) coros.push(triv(i));
    return (yield* asyncio.gather(...coros)) as number[];
  }
  const res = await loop.runUntilComplete(main());
  let sum = 0;
  for (const v of res) sum += v;
  check(res.length === n && res[n - 1] === n - 1 && sum === (n * (n - 1)) / 2, "w6 gather result");
  return n;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

interface Sample {
  wall: number;
  cpu: number;
  hostYields?: number;
  probe?: { count: number; awayMs: number; maxAwayMs: number };
}

const reps = Number(arg("--reps", "5"));
const only = arg("--only", "w1,w2,w3,w4,w5,w6").split(",");
const scale = Number(arg("--scale", "1"));
const n1m = Math.floor(1_000_000 * scale);
const n200k = Math.floor(200_000 * scale);
const n100k = Math.floor(100_000 * scale);
const tasks10k = Math.floor(10_000 * scale);
const delays = lcgDelays(n200k);
let observed = 0;
const observer = process.argv.includes("--observer") ? (): void => void observed++ : null;

const work: Record<string, (loop: Loop) => Promise<number>> = {
  w1: (loop) => w1Chain(loop, n1m),
  w2: (loop) => w2Queued(loop, n1m),
  w3: (loop) => w3Sleep0(loop, tasks10k, 100),
  w4: (loop) => w4Futures(loop, n200k),
  w5: (loop) => w5Timers(loop, delays),
  w6: (loop) => w6Gather(loop, n100k),
};

const gc = (globalThis as { gc?: () => void }).gc;
const results: Record<string, { ops: number; samples: Sample[] }> = {};
for (const name of only) {
  const run = work[name];
  if (!run) throw new Error(`unknown workload ${name}`);
  const samples: Sample[] = [];
  let ops = 0;
  for (let r = 0; r < reps; r++) {
    const loop = asyncio.newEventLoop({ clock: "real", observer });
    asyncio.setEventLoop(loop);
    gc?.();
    takeHostProbe();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    ops = await run(loop);
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    const sample: Sample = { wall: (t1 - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
    const yields = (loop as unknown as { _hostYields?: unknown })._hostYields;
    if (typeof yields === "number") sample.hostYields = yields;
    if (hostProbeActive) sample.probe = takeHostProbe();
    asyncio.setEventLoop(null);
    loop.close();
    samples.push(sample);
  }
  results[name] = { ops, samples };
}
console.log(JSON.stringify({ node: process.version, observed, results }));
