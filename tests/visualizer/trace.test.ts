/**
 * The visualizer's model: the bounded buffer, folding events into states, step stops,
 * and the stored traces (the trace of an example on the virtual clock is deterministic).
 */
import * as asyncio from "asyncio";
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RingBuffer } from "../../src/visualizer/ring";
import { TraceModel, type LoopState, type TraceEvent } from "../../src/visualizer/trace";
import { parseTrace } from "./trace-file";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TRACES = `${ROOT}tests/visualizer/traces/`;
const load = (id: string): TraceEvent[] => parseTrace(readFileSync(`${TRACES}${id}.json`, "utf8")).events;
const modelOf = (events: TraceEvent[], limit?: number): TraceModel => {
  const m = new TraceModel(limit);
  for (const e of events) m.push(e);
  return m;
};
const ids = (state: LoopState) => ({
  ready: state.ready.map((h) => h.handle),
  timers: state.timers.map((t) => [t.handle, t.when]),
});

describe("RingBuffer", () => {
  it("keeps the newest items and counts the dropped ones", () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 0; i < 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([2, 3, 4]);
    expect(ring.dropped).toBe(2);
    expect(ring.first).toBe(2);
    expect(ring.at(4)).toBe(4);
    expect(() => ring.at(1)).toThrow(RangeError);
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.dropped).toBe(0);
  });

  it("returns the item it pushes out", () => {
    const ring = new RingBuffer<string>(1);
    expect(ring.push("a")).toBeUndefined();
    expect(ring.push("b")).toBe("a");
  });

  it("rejects a capacity that is not a positive integer", () => {
    expect(() => new RingBuffer(0)).toThrow(/positive integer/);
  });
});

describe("stored traces", () => {
  const stored = readdirSync(TRACES).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));

  it("cover the long example and the task, future and gather examples", () => {
    expect(stored).toEqual(expect.arrayContaining([
      "callbacks-and-coroutines", "task-states", "future-done-callback", "sleep-gather-concurrency", "running-average",
    ]));
  });

  it.each(stored)("%s: recording again gives the stored trace, event for event", (id) => {
    const tsx = `${ROOT}node_modules/.bin/tsx`;
    const fresh = execFileSync(tsx, [`${ROOT}tests/visualizer/record-trace.ts`, id], { cwd: ROOT, encoding: "utf8" });
    // If the loop library changed on purpose: npx tsx tests/visualizer/record-trace.ts ID --write
    expect(parseTrace(fresh)).toEqual(parseTrace(readFileSync(`${TRACES}${id}.json`, "utf8")));
  });
});

describe("TraceModel on the long example", () => {
  const events = load("callbacks-and-coroutines");
  const model = modelOf(events);

  it("matches every iteration event's snapshot at that step", () => {
    let checked = 0;
    for (let k = 0; k < events.length; k++) {
      const e = events[k];
      if (e.type !== "iteration") continue;
      const s = model.stateAt(k);
      expect(s.ready).toEqual(e.ready);
      expect(s.timers).toEqual(e.timers);
      expect(s.iteration).toBe(e.iteration);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("folds each turn into the next turn's snapshot (the events between two turns tell the whole story)", () => {
    // The state just before an iteration event, with due timers moved to the ready
    // queue (the only change the loop makes without an event), is that event's snapshot.
    let checked = 0;
    for (let k = 1; k < events.length; k++) {
      const e = events[k];
      if (e.type !== "iteration" || model.stateAt(k - 1).iteration === 0) continue;
      const before = model.stateAt(k - 1);
      const due = before.timers.filter((t) => t.when <= e.time);
      const moved = [...before.ready, ...due.map(({ when: _, ...h }) => h)];
      expect(moved.map((h) => h.handle).sort()).toEqual(e.ready.map((h) => h.handle).sort());
      expect(before.timers.filter((t) => t.when > e.time).map((t) => t.handle).sort()).toEqual(e.timers.map((t) => t.handle).sort());
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("shows the callback and both coroutines taking turns in the ready queue", () => {
    // Turn by turn at one-second ticks: the callback's timer and the coroutines' sleep
    // timers come due together, then the wakeups of Task-1 (A) and Task-2 (8) follow.
    const turnStarts = events.flatMap((e, k) => (e.type === "iteration" ? [k] : []));
    const names = turnStarts.map((k) => model.stateAt(k).ready.map((h) => h.callback).join(" | "));
    expect(names[0]).toBe("printEverySecondsCallback | printEverySecondsCallbackToCoroutine | Task-1.step");
    expect(names[1]).toBe("Task-2.step");
    expect(names[2]).toBe("printEverySecondsCallback | _setResultUnlessCancelled | _setResultUnlessCancelled");
    expect(names[3]).toBe("Task-1.wakeup | Task-2.wakeup");
  });

  it("tracks tasks suspended on futures, with the futures' waiters", () => {
    const k = events.findIndex((e) => e.type === "task-suspend" && e.task === 1);
    const s = model.stateAt(k);
    const t1 = s.tasks.find((t) => t.task === 1);
    expect(t1).toMatchObject({ name: "Task-1", phase: "suspended", waitsOn: 3, steps: 1 });
    expect(s.futures.find((f) => f.future === 3)).toMatchObject({ state: "pending", waiters: [1] });
    // One step earlier the task was running and nothing waited on the future.
    const before = model.stateAt(k - 1);
    expect(before.tasks.find((t) => t.task === 1)?.phase).toBe("running");
    expect(before.futures.find((f) => f.future === 3)?.waiters).toEqual([]);
    // When the sleep's timer sets the future's result, the task is woken: pending again.
    const woken = events.findIndex((e) => e.type === "schedule" && e.callback === "Task-1.wakeup");
    expect(model.stateAt(woken).tasks.find((t) => t.task === 1)?.phase).toBe("pending");
  });

  it("ends with both tasks done, the callback's next timer and one done callback left behind", () => {
    // Coroutine A stops the loop in the turn where 8 also finishes: the turn runs to its
    // end, 8's done callback is queued for a turn that never comes, and close() drops it.
    const close = events.length - 1;
    expect(events[close]).toMatchObject({ type: "close", ready: 1, timers: 1 });
    const before = model.stateAt(close - 1);
    expect(before.tasks.map((t) => [t.name, t.phase])).toEqual([["Task-1", "done"], ["Task-2", "done"]]);
    expect(before.ready.map((h) => h.callback)).toEqual(["Future.done-callback"]);
    expect(before.timers.map((t) => [t.callback, t.when])).toEqual([["printEverySecondsCallback", 11]]);
    // After close() the panel's last state holds neither: the loop dropped them.
    const last = model.stateAt(close);
    expect(last.tasks.map((t) => [t.name, t.phase])).toEqual([["Task-1", "done"], ["Task-2", "done"]]);
    expect(last.ready).toEqual([]);
    expect(last.timers).toEqual([]);
    expect(last.current).toBeNull();
  });

  it("stops at each turn's start and at the end of each callback", () => {
    const iterations = events.filter((e) => e.type === "iteration").length;
    let turnStops = 0;
    for (let k = 0; k < events.length - 1; k++) if (model.isStop(k, "iteration")) turnStops++;
    expect(turnStops).toBe(iterations);
    // Within each turn: one stop at its start and one at the end of each callback it runs.
    const perTurn = new Map<number, { stops: number; runs: number }>();
    for (let k = 0; k < events.length; k++) {
      const turn = perTurn.get(events[k].iteration) ?? { stops: 0, runs: 0 };
      if (events[k].type === "run") turn.runs++;
      if (model.isStop(k, "callback")) turn.stops++;
      perTurn.set(events[k].iteration, turn);
    }
    perTurn.delete(0); // setup before the first turn: one stop
    for (const [, turn] of perTurn) expect(turn.stops).toBe(turn.runs + 1);
    expect(perTurn.size).toBe(iterations);
    const first = model.nextStop(-1, "iteration");
    expect(events[first].type).toBe("iteration");
    expect(model.prevStop(model.nextStop(first, "iteration"), "iteration")).toBe(first);
  });
});

describe("TraceModel's fixed memory bound", () => {
  const events = load("callbacks-and-coroutines");
  const full = modelOf(events);
  const bounded = modelOf(events, 50);

  it("keeps only the newest events and says how many it dropped", () => {
    expect(bounded.dropped).toBe(events.length - 50);
    expect(bounded.events()).toEqual(events.slice(-50));
    expect(() => bounded.stateAt(0)).toThrow(RangeError);
  });

  it("keeps the state exact at every kept step", () => {
    for (let k = bounded.first - 1; k < bounded.end; k++) {
      expect(bounded.stateAt(k)).toEqual(full.stateAt(k));
    }
  });

  it("folds the same states from checkpoints as from the start", () => {
    const long: TraceEvent[] = [];
    for (let i = 0; i < 6; i++) long.push(...events);
    const a = modelOf(long);
    const b = modelOf(long, 700);
    for (const k of [long.length - 701, long.length - 700, 1100, 1280, 1281, long.length - 1]) {
      expect(b.stateAt(k)).toEqual(a.stateAt(k));
    }
    expect(ids(b.stateAt(1281))).toEqual(ids(a.stateAt(1281)));
  });
});

describe("TraceModel on a program with no loop", () => {
  it("keeps the printed lines and shows an empty loop", () => {
    const model = modelOf(load("running-average"));
    expect(model.events().every((e) => e.type === "output")).toBe(true);
    const s = model.stateAt(model.end - 1);
    expect(s.loops).toBe(0);
    expect(s.ready).toEqual([]);
  });
});

describe("TraceModel across loops", () => {
  it("starts fresh when a second loop begins (its turns count from 1 again)", () => {
    const once = load("future-done-callback");
    const model = modelOf([...once, ...once]);
    const s = model.stateAt(model.end - 1);
    expect(s.loops).toBe(2);
    expect(s).toEqual({ ...model.stateAt(once.length - 1), step: model.end - 1, loops: 2 });
  });
});

describe("TraceModel on a future's done callbacks", () => {
  it("lists the stored example's callback as the future's waiter until the future is done", () => {
    const events = load("future-done-callback");
    const model = modelOf(events);
    const added = events.findIndex((e) => e.type === "future-callback" && e.callback === "onDone");
    expect(added).toBeGreaterThan(0);
    const future = (events[added] as { future: number }).future;
    const done = events.findIndex((e) => e.type === "future-done" && e.future === future);
    expect(done).toBeGreaterThan(added);
    const at = (k: number) => model.stateAt(k).futures.find((f) => f.future === future);
    expect(at(added - 1)?.callbacks).toEqual([]);
    expect(at(added)?.callbacks).toEqual(["onDone"]);
    expect(at(done - 1)?.callbacks).toEqual(["onDone"]);
    expect(at(done)?.callbacks).toEqual([]);
    expect(model.stateAt(done).ready.map((h) => h.callback)).toContain("onDone");
  });

  it("adds and removes plain callbacks live, leaving a task's wakeup to the waiters line", async () => {
    const events: TraceEvent[] = [];
    const loop = asyncio.newEventLoop({ clock: "virtual", observer: (e) => events.push(e) });
    const fut = loop.createFuture<number>();
    const first = (): void => undefined;
    const second = (): void => undefined;
    fut.addDoneCallback(first);
    fut.addDoneCallback(second);
    fut.addDoneCallback(second);
    expect(fut.removeDoneCallback(second)).toBe(2);
    function* waiter(): asyncio.Coroutine<number> {
      return yield* fut;
    }
    const task = loop.createTask(waiter());
    loop.callLater(1, () => fut.setResult(5));
    const marks: Record<string, number> = {};
    const mark = (name: string): void => { marks[name] = events.length - 1; };
    mark("removed");
    await loop.runUntilComplete(asyncio.sleep(0.5, undefined));
    mark("suspended");
    await loop.runUntilComplete(task);
    loop.close();
    const model = modelOf(events);
    const view = (k: number) => model.stateAt(k).futures.find((f) => f.future === fut._id);
    expect(events.filter((e) => e.type === "future-callback" && e.future === fut._id).map((e) => e.type === "future-callback" && [e.op, e.callback]))
      .toEqual([["add", "first"], ["add", "second"], ["add", "second"], ["remove", "second"], ["remove", "second"], ["add", "Task-1.wakeup"]]);
    expect(view(marks.removed)?.callbacks).toEqual(["first"]);
    expect(view(marks.suspended)).toMatchObject({ state: "pending", callbacks: ["first"], waiters: [task._id] });
    const doneAt = events.findIndex((e) => e.type === "future-done" && e.future === fut._id);
    expect(view(doneAt)).toMatchObject({ state: "result", callbacks: [], waiters: [] });
    // The loop's close is the last event, and its state holds no queued handle or timer.
    expect(events[events.length - 1]).toMatchObject({ type: "close" });
    expect(ids(model.stateAt(model.end - 1))).toEqual({ ready: [], timers: [] });
  });
});
