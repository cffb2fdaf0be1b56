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
    const fut = loop.createFuture();
    const cb = (): void => undefined;
    fut.addDoneCallback(cb);
    expect(fut.removeDoneCallback(cb)).toBe(1);
    const ran = loop.callSoon(cb);
    loop.callLater(3, cb);
    await loop.runUntilComplete(asyncio.sleep(0));
    ran.cancel();
    loop.close();
    expect(emit).not.toHaveBeenCalled();
    expect(loop._handleIds).toBe(0);
    expect(loop._futureIds).toBe(0);
  });

  it("report close() once, with the live handles it drops", () => {
    const events: asyncio.LoopEvent[] = [];
    const loop = asyncio.newEventLoop({ clock: "virtual", observer: (e) => events.push(e) });
    const noop = (): void => undefined;
    const queued = loop.callSoon(noop);
    loop.callSoon(noop).cancel();
    loop.callLater(1, noop);
    loop.callLater(2, noop);
    loop.callLater(3, noop).cancel();
    loop.close();
    loop.close(); // closing twice does nothing, and reports nothing
    const closes = events.filter((e) => e.type === "close");
    expect(closes).toEqual([{ type: "close", ready: 1, timers: 2, time: 0, iteration: 0 }]);
    expect(events[events.length - 1].type).toBe("close");
    // A handle the closed loop dropped can never run: cancelling it is not reported.
    queued.cancel();
    expect(queued.cancelled()).toBe(true);
    expect(events[events.length - 1].type).toBe("close");
  });

  it("report cancel() only for a handle that could still run", async () => {
    const events: asyncio.LoopEvent[] = [];
    const loop = asyncio.newEventLoop({ clock: "virtual", observer: (e) => events.push(e) });
    const cancels = (): number[] => events.filter((e): e is asyncio.CancelEvent => e.type === "cancel").map((e) => e.handle);
    const ranLog: string[] = [];
    // Two timers due in the same turn: the first cancels the second, which has left the
    // timer heap for the ready queue but not run. That cancel matters and is reported.
    let second: asyncio.TimerHandle | null = null;
    const first = loop.callLater(1, () => { ranLog.push("first"); second?.cancel(); });
    second = loop.callLater(1, () => ranLog.push("second"));
    // A plain handle in the ready queue: its cancel is reported too.
    const plain = loop.callSoon(() => ranLog.push("plain"));
    plain.cancel();
    expect(cancels()).toEqual([plain._id]);
    await loop.runUntilComplete(asyncio.sleep(2));
    expect(ranLog).toEqual(["first"]);
    expect(cancels()).toEqual([plain._id, second._id]);
    // Handles whose callbacks already ran: cancel() marks them cancelled as CPython does,
    // and changes nothing else, so no event.
    const soon = loop.callSoon(() => ranLog.push("soon"));
    await loop.runUntilComplete(asyncio.sleep(0));
    const before = events.length;
    first.cancel();
    soon.cancel();
    expect(first.cancelled()).toBe(true);
    expect(soon.cancelled()).toBe(true);
    expect(events.length).toBe(before);
    expect(cancels()).toEqual([plain._id, second._id]);
    // asyncio.sleep() cancels its timer in a finally block after the timer fired: silent now.
    const sleepTimers = events.filter((e) => e.type === "schedule" && e.callback === "_setResultUnlessCancelled");
    expect(sleepTimers.length).toBeGreaterThan(0);
    loop.close();
  });

  it("report done callbacks added to and removed from a pending future", async () => {
    const events: asyncio.LoopEvent[] = [];
    const loop = asyncio.newEventLoop({ clock: "virtual", observer: (e) => events.push(e) });
    const fut = loop.createFuture<number>();
    function onDone(): void {}
    fut.addDoneCallback(onDone);
    fut.addDoneCallback(() => undefined);
    expect(fut.removeDoneCallback(onDone)).toBe(1);
    function* waiter(): asyncio.Coroutine<number> {
      return yield* fut;
    }
    const task = loop.createTask(waiter(), { name: "W" });
    loop.callSoon(() => fut.setResult(1));
    await loop.runUntilComplete(task);
    const mine = events.filter((e): e is asyncio.FutureCallbackEvent => e.type === "future-callback" && e.future === fut._id);
    expect(mine.map(({ op, callback, task: t }) => ({ op, callback, task: t }))).toEqual([
      { op: "add", callback: "onDone", task: undefined },
      { op: "add", callback: "Future.done-callback", task: undefined },
      { op: "remove", callback: "onDone", task: undefined },
      { op: "add", callback: "W.wakeup", task: task._id },
    ]);
    expect(mine.every((e) => !("task" in e) || typeof e.task === "number")).toBe(true);
    // On a future that is already done, the callback goes straight to the ready queue:
    // a schedule event, not a waiter.
    const before = events.length;
    fut.addDoneCallback(onDone);
    expect(events.slice(before).map((e) => e.type)).toEqual(["schedule"]);
    expect(JSON.parse(JSON.stringify(mine))).toEqual(mine);
    loop.close();
  });
});
