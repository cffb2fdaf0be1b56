/**
 * What the visualizer shows is what the loop holds: at each step, the ready queue and
 * the timer heap the TraceModel reports equal the library's own `_ready` and
 * `_scheduled`, read straight from the loop object while the observer is called.
 */
import * as asyncio from "asyncio";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { EventLoop } from "../../src/asyncio/base-events";
import { _getRunningLoop } from "../../src/asyncio/loops";
import type { LoopEvent } from "../../src/asyncio/observer";
import { TraceModel } from "../../src/visualizer/trace";

interface Queues {
  ready: number[];
  timers: [number, number][];
}

/**
 * The loop's queues as handle ids. Cancelled handles stay in both until the loop drops
 * them, and the loop never runs them, so they are left out (the observer's snapshot
 * leaves them out too). A `cancel` event is reported just before the handle is marked
 * cancelled, so at that event the handle being cancelled is left out as well. A `close`
 * event is reported just before `close()` drops both queues: its counts must be the live
 * handles the loop holds then, and after it both are empty.
 */
function libraryQueues(loop: EventLoop, event: LoopEvent): Queues {
  const skip = event.type === "cancel" ? event.handle : -1;
  const ready: number[] = [];
  loop._ready.forEachFrom(0, (h) => {
    if (!h._cancelled && h._id !== skip) ready.push(h._id);
  });
  const timers = loop._scheduled
    .filter((t) => !t._cancelled && t._id !== skip)
    .map((t): [number, number] => [t._id, t._when]);
  if (event.type === "close") {
    expect({ ready: event.ready, timers: event.timers }).toEqual({ ready: ready.length, timers: timers.length });
    return { ready: [], timers: [] };
  }
  return { ready, timers: byDeadline(timers) };
}

/** Ties between equal deadlines are the heap's business; compare by (deadline, id). */
function byDeadline(timers: [number, number][]): [number, number][] {
  return timers.slice().sort((a, b) => a[1] - b[1] || a[0] - b[0]);
}

function modelQueues(model: TraceModel, k: number): Queues {
  const s = model.stateAt(k);
  return { ready: s.ready.map((h) => h.handle), timers: byDeadline(s.timers.map((t) => [t.handle, t.when])) };
}

/** Records events and, at each one, the loop's own queues. */
function recorder(loopOf: () => EventLoop | null) {
  const events: LoopEvent[] = [];
  const library: (Queues | null)[] = [];
  const observer = (e: LoopEvent): void => {
    const loop = loopOf();
    library.push(loop === null ? null : libraryQueues(loop, e));
    events.push(e);
  };
  return { events, library, observer };
}

function compare(events: LoopEvent[], library: (Queues | null)[]): { compared: number; kinds: Set<string> } {
  const model = new TraceModel();
  for (const e of events) model.push(e);
  let compared = 0;
  const kinds = new Set<string>();
  for (let k = 0; k < events.length; k++) {
    const lib = library[k];
    if (lib === null) continue;
    expect({ step: k, type: events[k].type, ...modelQueues(model, k) }).toEqual({ step: k, type: events[k].type, ...lib });
    compared++;
    kinds.add(events[k].type);
  }
  return { compared, kinds };
}

afterAll(() => {
  asyncio.configure({ observer: null, clock: "real" });
});

describe("the model's queues equal the library's", () => {
  it("at every step of the long example while its loop runs", async () => {
    // The example makes its own loop; while it runs, it is the running loop. Steps
    // outside runForever()/runUntilComplete() have no running loop and are not compared.
    const rec = recorder(() => _getRunningLoop());
    asyncio.configure({ clock: "virtual", observer: rec.observer });
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await import("../../content/examples/callbacks-and-coroutines/example");
    } finally {
      log.mockRestore();
      asyncio.configure({ observer: null });
    }
    const { compared, kinds } = compare(rec.events, rec.library);
    expect(compared).toBeGreaterThan(200);
    expect([...kinds].sort()).toEqual(
      ["future-callback", "future-create", "future-done", "iteration", "run", "schedule", "task-create", "task-done", "task-step", "task-suspend"],
    );
    // Not a comparison of empty lists: the queues held several handles at many steps.
    expect(rec.library.filter((q) => q !== null && q.ready.length >= 2).length).toBeGreaterThan(30);
    expect(rec.library.filter((q) => q !== null && q.timers.length >= 2).length).toBeGreaterThan(30);
  });

  it("at every step of a loop held from its creation: ties, cancels and a far timer", async () => {
    let held: EventLoop | null = null;
    const rec = recorder(() => held);
    const loop = asyncio.newEventLoop({ clock: "virtual", observer: rec.observer });
    held = loop;
    const noop = (): void => undefined;
    // Three timers at the same deadline, one cancelled before it is due, one far away.
    loop.callLater(1, noop);
    const dropped = loop.callLater(1, noop);
    loop.callLater(1, noop);
    loop.callLater(50, noop);
    const soon = loop.callSoon(noop);
    loop.callSoon(() => dropped.cancel());
    soon.cancel();
    function* worker(): asyncio.Coroutine<void> {
      yield* asyncio.sleep(0);
      yield* asyncio.sleep(2);
    }
    const t = loop.createTask(worker());
    loop.callLater(1.5, () => t.cancel());
    await loop.runUntilComplete(asyncio.wait([t]));
    loop.close();
    const { compared, kinds } = compare(rec.events, rec.library);
    expect(compared).toBe(rec.events.length);
    expect(Math.max(...rec.library.map((q) => q?.timers.length ?? 0))).toBe(5); // deadlines 1, 1, 1, 1.5 and 50
    expect(kinds).toContain("cancel");
    expect(kinds).toContain("iteration");
    expect(kinds).toContain("close");
    const model = new TraceModel();
    for (const e of rec.events) model.push(e);
    expect(model.stateAt(model.end - 1).tasks.find((v) => v.task === t._id)?.phase).toBe("cancelled");
  });
});
