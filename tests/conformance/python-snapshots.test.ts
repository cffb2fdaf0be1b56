/**
 * The deeper conformance check: for every example, the loop's iteration snapshots from
 * CPython's own loop (Pyodide, the in-browser runner's traced loop) equal the loop
 * library's (its observer), turn for turn — the loop time, the ready queue (its length
 * and the order of its callbacks) and the timer heap's deadlines.
 *
 * Names are compared after two normalisations that are inherent, not differences of
 * behaviour:
 * - callback names are spelled in each language's style: `_set_result_unless_cancelled`
 *   is `_setResultUnlessCancelled` in the twin, `print_every_seconds` is
 *   `printEverySeconds` (compared lowercased, without `_`; `<locals>.` dropped);
 * - task names come from a counter that lives as long as the interpreter does (in the
 *   browser every run gets a fresh worker, so `Task-1` is the first task; here one
 *   Pyodide runs every example), so `Task-N` is renumbered by first appearance on both
 *   sides;
 * - a twin passes an arrow function where the original passes a bound method or a lambda
 *   (`() => fut.setResult(x)` for `fut.set_result`, a done callback for
 *   `lambda f: ...`): JavaScript gives it no name, so where the library reports an
 *   unnamed callback ("anonymous", "Future.done-callback") the name on CPython's side is
 *   not compared — its place in the queue still is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PyodideInterface } from "pyodide";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { IterationEvent, LoopEvent } from "../../src/asyncio/observer";
import { loadRunner, ROOT, runPy } from "../runner/pyodide-node";

const ids = JSON.parse(readFileSync(join(ROOT, "content/examples/ids.json"), "utf8")) as string[];

/**
 * Examples whose snapshots differ for a reason inherent to the two languages, with the
 * reason. (Empty: every example's snapshots are equal.)
 */
const INHERENT: Record<string, string> = {};

const UNNAMED = new Set(["anonymous", "future.done-callback"]);

/** CPython's snapshots with the names the library cannot know taken from the library's side. */
function alignUnnamed(cpython: Snapshot[], library: Snapshot[]): Snapshot[] {
  return cpython.map((snap, i) => ({
    ...snap,
    ready: snap.ready.map((name, j) => (UNNAMED.has(library[i]?.ready[j] ?? "") ? library[i].ready[j] : name)),
  }));
}

interface Snapshot {
  time: number;
  ready: string[];
  timers: number[];
}

function normalise(events: readonly { type: string }[]): Snapshot[] {
  const tasks = new Map<string, string>();
  const name = (callback: string): string =>
    callback
      .replace(/Task-\d+/g, (t) => {
        if (!tasks.has(t)) tasks.set(t, `Task-${tasks.size + 1}`);
        return tasks.get(t) as string;
      })
      .replace(/<locals>\./g, "")
      .replace(/_/g, "")
      .toLowerCase();
  return events
    .filter((e): e is IterationEvent => e.type === "iteration")
    .map((e) => ({ time: e.time, ready: e.ready.map((h) => name(h.callback)), timers: e.timers.map((t) => t.when) }));
}

/** The twin on the loop library, with an observer, in a fresh copy of the library (task names from Task-1). */
async function librarySnapshots(id: string): Promise<Snapshot[]> {
  vi.resetModules();
  const asyncio = await import("asyncio");
  const events: LoopEvent[] = [];
  asyncio.configure({ clock: "virtual", observer: (e) => events.push(structuredClone(e)) });
  const log = console.log;
  console.log = () => undefined;
  try {
    await import(`${join(ROOT, "content/examples", id, "example.ts")}?snapshot`);
    const loops = await import("../../src/asyncio/loops");
    while (loops._getRunningLoop() !== null) await new Promise((wake) => setTimeout(wake, 5));
  } finally {
    console.log = log;
  }
  return normalise(events);
}

let py: PyodideInterface;
const turns = new Map<string, number>();
beforeAll(async () => {
  py = await loadRunner();
}, 60_000);

describe("CPython's loop snapshots equal the loop library's", () => {
  for (const id of ids) {
    it(id, async () => {
      const source = readFileSync(join(ROOT, "content/examples", id, "example.py"), "utf8");
      const run = runPy(py, source, "virtual", true);
      expect(run.errors).toEqual([]);
      const cpython = normalise(run.events);
      const library = await librarySnapshots(id);
      if (INHERENT[id] !== undefined) {
        expect(cpython).not.toEqual(library);
        return;
      }
      expect(cpython.length).toBe(library.length);
      expect(alignUnnamed(cpython, library)).toEqual(library);
      turns.set(id, cpython.length);
    });
  }

  it("compared real work: the examples that use a loop ran many turns", () => {
    const withLoop = [...turns.values()].filter((n) => n > 0);
    expect(withLoop.length).toBeGreaterThanOrEqual(15);
    expect(withLoop.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it("the check has teeth: a changed timer deadline is a difference", () => {
    const a = normalise([{ type: "iteration", time: 0, iteration: 1, ready: [], timers: [{ handle: 1, callback: "f", when: 1 }] } as IterationEvent]);
    const b = normalise([{ type: "iteration", time: 0, iteration: 1, ready: [], timers: [{ handle: 1, callback: "f", when: 1.5 }] } as IterationEvent]);
    expect(a).not.toEqual(b);
  });
});
