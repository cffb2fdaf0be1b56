import { describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";

function* child(): asyncio.Coroutine<number> {
  yield* asyncio.sleep(1);
  return 7;
}

function* main(): asyncio.Coroutine<number> {
  const loop = asyncio.getRunningLoop();
  const t = asyncio.createTask(child());
  const h = loop.callLater(5, () => {});
  h.cancel();
  loop.callLater(2, function later() {});
  return yield* t;
}

async function record(): Promise<asyncio.LoopEvent[]> {
  const events: asyncio.LoopEvent[] = [];
  await asyncio.run(main(), { clock: "virtual", observer: (e) => events.push(e) });
  return events;
}

describe("observer events", () => {
  it("are plain serializable objects stamped with time and iteration", async () => {
    const events = await record();
    expect(events.length).toBeGreaterThan(10);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
    for (const e of events) {
      expect(typeof e.type).toBe("string");
      expect(typeof e.time).toBe("number");
      expect(Number.isInteger(e.iteration)).toBe(true);
    }
    const turns = events.filter((e) => e.type === "iteration").map((e) => e.iteration);
    expect(turns[0]).toBe(1);
    expect(turns).toEqual([...turns].sort((a, b) => a - b));
  });

  it("tell the life of a task: create, step, suspend on a future, done", async () => {
    const events = await record();
    const creates = events.filter((e): e is asyncio.TaskCreateEvent => e.type === "task-create");
    expect(creates.length).toBeGreaterThanOrEqual(2);
    const childId = creates[1].task;
    expect(creates[1].name).toMatch(/^Task-\d+$/);
    const mine = events.filter((e) => "task" in e && e.task === childId && e.type.startsWith("task-"));
    expect(mine.map((e) => e.type)).toEqual(["task-create", "task-step", "task-suspend", "task-step", "task-done"]);
    const suspend = mine[2] as asyncio.TaskSuspendEvent;
    const futureCreate = events.find((e) => e.type === "future-create" && e.future === suspend.future);
    expect(futureCreate).toBeDefined();
    expect(events.find((e) => e.type === "future-done" && e.future === suspend.future)).toMatchObject({ state: "result" });
    expect(mine[3]).toMatchObject({ resume: "send", time: 1 });
    expect(mine[4]).toMatchObject({ type: "task-done", state: "result", detail: "7" });
  });

  it("show handles scheduled, run and cancelled, naming task steps", async () => {
    const events = await record();
    const timer = events.find((e): e is asyncio.ScheduleEvent => e.type === "schedule" && e.when === 5);
    expect(timer).toBeDefined();
    expect(events.find((e) => e.type === "cancel" && e.handle === timer!.handle)).toMatchObject({ when: 5 });
    const runs = events.filter((e): e is asyncio.RunEvent => e.type === "run");
    expect(runs.some((r) => /^Task-\d+\.step$/.test(r.callback) && typeof r.task === "number")).toBe(true);
    expect(runs.some((r) => /^Task-\d+\.wakeup$/.test(r.callback))).toBe(true);
    expect(runs.some((r) => r.callback === "_setResultUnlessCancelled")).toBe(true);
    const handles = events.filter((e) => e.type === "schedule").map((e) => (e as asyncio.ScheduleEvent).handle);
    expect(new Set(handles).size).toBe(handles.length);
  });

  it("list the ready queue and the timer heap at the start of each turn", async () => {
    const events = await record();
    const iters = events.filter((e): e is asyncio.IterationEvent => e.type === "iteration");
    expect(iters[0].ready).toHaveLength(1);
    expect(iters[0].ready[0].callback).toMatch(/\.step$/);
    // Timers due this turn have already joined the ready queue; later ones wait in the heap.
    const atOne = iters.find((e) => e.time === 1)!;
    expect(atOne.ready.map((h) => h.callback)).toEqual(["_setResultUnlessCancelled"]);
    expect(atOne.timers).toEqual([expect.objectContaining({ when: 2, callback: "later" })]);
    expect(iters[1].timers.map((t) => t.when)).toEqual([2]); // the cancelled timer at 5 is left out
  });

  it("are not built at all without an observer", async () => {
    const loop = asyncio.newEventLoop({ clock: "virtual" });
    const emit = vi.spyOn(loop, "_emit");
    await loop.runUntilComplete(main());
    loop.close();
    expect(emit).not.toHaveBeenCalled();
    expect(loop._handleIds).toBe(0);
    expect(loop._futureIds).toBe(0);
  });
});
