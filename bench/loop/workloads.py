"""CPython side of bench/loop.mjs: six event-loop workloads, timed in one process.

    python3 bench/loop/workloads.py --loop asyncio|uvloop [--reps 5] [--only w1,w3] [--scale 1.0]

Prints one JSON object on stdout: the interpreter, whether asyncio's C accelerator is in
use, the uvloop version (or null), and for each workload the list of per-run samples
(seconds of wall time and of process CPU time) plus the count of operations it did.
Every workload checks its own result and exits non-zero when a count is wrong, so a
broken workload cannot look fast. The TypeScript twin is bench/loop/workloads.ts; the
two must stay step-for-step the same.
"""
import argparse
import asyncio
import gc
import json
import sys
import time


def lcg_delays(n, seed=12345):
    """n delays in [0, 0.05) s from a 32-bit LCG (Numerical Recipes constants).

    The TypeScript side computes the same state sequence with Math.imul and >>> 0, and
    the same float division, so both sides schedule bit-identical delays."""
    state = seed & 0xFFFFFFFF
    out = [0.0] * n
    for i in range(n):
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        out[i] = state / 4294967296 * 0.05
    return out


def check(cond, what):
    if not cond:
        print(f"workload check failed: {what}", file=sys.stderr)
        sys.exit(3)


# (1) A chain of N call_soon callbacks: each one schedules the next.
def w1_chain(loop, n):
    done = loop.create_future()
    count = 0

    def cb():
        nonlocal count
        count += 1
        if count < n:
            loop.call_soon(cb)
        else:
            done.set_result(count)

    loop.call_soon(cb)
    loop.run_until_complete(done)
    check(count == n and done.result() == n, f"w1 ran {count} callbacks, expected {n}")
    return n


# (2) N call_soon callbacks queued up front (timed), then run in one go.
def w2_queued(loop, n):
    done = loop.create_future()
    count = 0

    def cb():
        nonlocal count
        count += 1

    for _ in range(n):
        loop.call_soon(cb)
    loop.call_soon(done.set_result, None)
    loop.run_until_complete(done)
    check(count == n, f"w2 ran {count} callbacks, expected {n}")
    return n


# (3) T tasks, each awaiting asyncio.sleep(0) K times.
def w3_sleep0(loop, tasks, k):
    count = 0

    async def worker():
        nonlocal count
        for _ in range(k):
            await asyncio.sleep(0)
            count += 1

    async def main():
        ts = [loop.create_task(worker()) for _ in range(tasks)]
        for t in ts:
            await t

    loop.run_until_complete(main())
    check(count == tasks * k, f"w3 counted {count} sleeps, expected {tasks * k}")
    return tasks * k


# (4) A chain of N futures: each one's done-callback creates and resolves the next.
def w4_futures(loop, n):
    done = loop.create_future()
    count = 0

    def cb(f):
        nonlocal count
        count += 1
        if count < n:
            nxt = loop.create_future()
            nxt.add_done_callback(cb)
            nxt.set_result(f.result() + 1)
        else:
            done.set_result(f.result())

    first = loop.create_future()
    first.add_done_callback(cb)
    first.set_result(0)
    loop.run_until_complete(done)
    check(count == n and done.result() == n - 1, f"w4 resolved {count} futures, last {done.result()}")
    return n


# (5) N call_later timers with seeded delays in [0, 50 ms); wait until all have fired.
def w5_timers(loop, delays):
    n = len(delays)
    done = loop.create_future()
    count = 0
    total = 0

    def cb(i):
        nonlocal count, total
        count += 1
        total += i
        if count == n:
            done.set_result(None)

    for i in range(n):
        loop.call_later(delays[i], cb, i)
    loop.run_until_complete(done)
    check(count == n and total == n * (n - 1) // 2, f"w5 fired {count} timers (index sum {total})")
    return n


# (6) gather() of N trivial coroutines.
def w6_gather(loop, n):
    async def triv(i):
        return i

    async def main():
        return await asyncio.gather(*[triv(i) for i in range(n)])

    res = loop.run_until_complete(main())
    check(len(res) == n and res[n - 1] == n - 1 and sum(res) == n * (n - 1) // 2, "w6 gather result")
    return n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--only", default="w1,w2,w3,w4,w5,w6")
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()

    import _asyncio  # noqa: F401  (present in every default CPython build)
    import asyncio.futures
    import asyncio.tasks

    info = {
        "executable": sys.executable,
        "version": sys.version.split()[0],
        "cFuture": asyncio.futures.Future is _asyncio.Future,
        "cTask": asyncio.tasks.Task is _asyncio.Task,
        "uvloop": None,
        "loop": args.loop,
    }
    if args.loop == "uvloop":
        import uvloop

        info["uvloop"] = uvloop.__version__
        new_loop = uvloop.new_event_loop
    else:
        new_loop = asyncio.new_event_loop

    s = args.scale
    n1m = int(1_000_000 * s)
    n200k = int(200_000 * s)
    n100k = int(100_000 * s)
    tasks10k = int(10_000 * s)
    delays = lcg_delays(n200k)
    work = {
        "w1": lambda loop: w1_chain(loop, n1m),
        "w2": lambda loop: w2_queued(loop, n1m),
        "w3": lambda loop: w3_sleep0(loop, tasks10k, 100),
        "w4": lambda loop: w4_futures(loop, n200k),
        "w5": lambda loop: w5_timers(loop, delays),
        "w6": lambda loop: w6_gather(loop, n100k),
    }
    results = {}
    for name in args.only.split(","):
        samples = []
        for _ in range(args.reps):
            loop = new_loop()
            asyncio.set_event_loop(loop)
            gc.collect()
            c0 = time.process_time()
            t0 = time.perf_counter()
            ops = work[name](loop)
            t1 = time.perf_counter()
            c1 = time.process_time()
            asyncio.set_event_loop(None)
            loop.close()
            samples.append({"wall": t1 - t0, "cpu": c1 - c0})
        results[name] = {"ops": ops, "samples": samples}
    info["results"] = results
    print(json.dumps(info))


if __name__ == "__main__":
    main()
