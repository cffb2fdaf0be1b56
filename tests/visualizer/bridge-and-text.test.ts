/**
 * The worker-side collector (batches, bound, source lines), the event sentences in both
 * languages, and the string tables.
 */
import { describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LoopEvent } from "../../src/asyncio/observer";
import { createTraceCollector, isTraceMessage, lineFromStack, type TraceMessage } from "../../src/visualizer/bridge";
import { describeEvent, traceAsText } from "../../src/visualizer/describe";
import { STRINGS, fill } from "../../src/visualizer/strings";
import { TraceModel, type TraceEvent } from "../../src/visualizer/trace";
import { parseTrace } from "./trace-file";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const run = (handle: number): LoopEvent => ({ type: "run", handle, callback: `cb${handle}`, time: 0, iteration: 1 });

describe("createTraceCollector", () => {
  it("posts in batches and flushes the rest on demand", () => {
    const posts: TraceMessage[] = [];
    const c = createTraceCollector({ post: (m) => posts.push(m), batch: 3, flushMs: 60_000 });
    vi.useFakeTimers();
    try {
      c.observer(run(0)); // the first event flushes at once (nothing posted for a while)
      for (let i = 1; i <= 7; i++) c.observer(run(i));
      c.note("printed");
      c.flush();
    } finally {
      vi.useRealTimers();
    }
    const all = posts.flatMap((p) => p.events);
    expect(all.map((e) => (e.type === "run" ? e.handle : e.type))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, "output"]);
    expect(posts.every((p) => isTraceMessage(p) && p.events.length <= 3)).toBe(true);
    expect(all.at(-1)).toEqual({ type: "output", text: "printed", time: 0, iteration: 1 });
  });

  it("keeps the newest events between two posts and counts the ones it let go", () => {
    const posts: TraceMessage[] = [];
    const c = createTraceCollector({ post: (m) => posts.push(m), limit: 4, batch: 100, flushMs: 60_000 });
    vi.useFakeTimers();
    try {
      c.observer(run(0));
      for (let i = 1; i <= 10; i++) c.observer(run(i));
      c.flush();
    } finally {
      vi.useRealTimers();
    }
    const last = posts.at(-1) as TraceMessage;
    expect(last.events.map((e) => (e.type === "run" ? e.handle : -1))).toEqual([7, 8, 9, 10]);
    expect(last.dropped).toBe(6);
  });

  it("tags events the reader's code caused with its line, and only those", () => {
    const posts: TraceMessage[] = [];
    const c = createTraceCollector({ post: (m) => posts.push(m), locate: () => 12, flushMs: 0 });
    c.observer({ type: "schedule", handle: 1, callback: "f", time: 0, iteration: 0 });
    c.observer(run(1));
    c.flush();
    const events = posts.flatMap((p) => p.events);
    expect(events[0]).toMatchObject({ type: "schedule", line: 12 });
    expect(events[1]).not.toHaveProperty("line");
  });

  it("reads times and deadlines from the run's origin when given one", () => {
    const posts: TraceMessage[] = [];
    const c = createTraceCollector({ post: (m) => posts.push(m), timeOrigin: 100, flushMs: 0 });
    c.observer({ type: "schedule", handle: 1, callback: "f", when: 101.5, time: 100.25, iteration: 0 });
    c.observer({ type: "iteration", ready: [], timers: [{ handle: 1, callback: "f", when: 101.5 }], time: 100.5, iteration: 1 });
    c.note("x");
    c.flush();
    const events = posts.flatMap((p) => p.events);
    expect(events[0]).toMatchObject({ time: 0.25, when: 1.5 });
    expect(events[1]).toMatchObject({ time: 0.5, timers: [{ when: 1.5 }] });
    expect(events[2]).toMatchObject({ type: "output", time: 0.5 });
  });

  it("finds a line on the stack, but not below the loop's turn", () => {
    function _dispatch(): number | null {
      return lineFromStack((frame) => (frame.includes("callerOfLoop") ? 99 : null));
    }
    function callerOfLoop(): number | null {
      return _dispatch();
    }
    function userCode(): number | null {
      return lineFromStack((frame) => (frame.includes("userCode") ? 7 : null));
    }
    expect(userCode()).toBe(7);
    expect(callerOfLoop()).toBeNull();
  });
});

describe("event sentences", () => {
  const events = parseTrace(readFileSync(`${ROOT}tests/visualizer/traces/callbacks-and-coroutines.json`, "utf8")).events;
  const model = new TraceModel();
  for (const e of events) model.push(e);

  it("name the handle, the task and the future in both languages", () => {
    const suspend = events.find((e) => e.type === "task-suspend" && e.future !== null) as TraceEvent;
    expect(describeEvent(suspend, "en", model.names)).toBe("Task-1 suspends, waiting on Future #3");
    expect(describeEvent(suspend, "ko", model.names)).toBe("Task-1 멈춤: 퓨처 #3 기다림");
    const timer = events.find((e) => e.type === "schedule" && e.when !== undefined) as TraceEvent;
    expect(describeEvent(timer, "en", model.names)).toBe("printEverySecondsCallback #4 enters the timer heap, due at 1.000 s");
    expect(describeEvent(timer, "ko", model.names)).toBe("타이머 힙에 추가: printEverySecondsCallback #4, 1.000초에 실행");
  });

  it("tell the loop closing and a future's done callbacks in both languages", () => {
    const close = events[events.length - 1];
    expect(describeEvent(close, "en", model.names)).toBe("The loop closes, dropping 1 queued callbacks and 1 timers");
    expect(describeEvent(close, "ko", model.names)).toBe("루프 닫기: 남은 콜백 1개와 타이머 1개 버림");
    const add: TraceEvent = { type: "future-callback", op: "add", future: 3, callback: "onDone", time: 0, iteration: 1 };
    expect(describeEvent(add, "en", model.names)).toBe("onDone is added as a done callback of Future #3");
    expect(describeEvent(add, "ko", model.names)).toBe("퓨처 #3에 완료 콜백 등록: onDone");
    const remove: TraceEvent = { ...add, op: "remove" };
    expect(describeEvent(remove, "en", model.names)).toBe("onDone is removed from the done callbacks of Future #3");
    expect(describeEvent(remove, "ko", model.names)).toBe("퓨처 #3에서 완료 콜백 제거: onDone");
  });

  it("show a coroutine that returns nothing as Python does: None, not undefined (the library's repr writes it so)", () => {
    const trace = parseTrace(readFileSync(`${ROOT}tests/visualizer/traces/task-states.json`, "utf8")).events;
    expect(trace.some((e) => "detail" in e && e.detail === "undefined")).toBe(false);
    const nothing = trace.find((e) => e.type === "task-done" && e.state === "result" && e.detail === "None");
    expect(nothing).toBeDefined();
    const m = new TraceModel();
    for (const e of trace) m.push(e);
    const text = describeEvent(nothing as TraceEvent, "en", m.names);
    expect(text).toMatch(/result: None$/);
    const done = m.stateAt(m.end - 1).tasks.find((t) => nothing?.type === "task-done" && t.task === nothing.task);
    expect(done?.detail).toBe("None");
    // A real value stays as the loop wrote it.
    const valued = trace.find((e) => e.type === "task-done" && e.detail === "'result!'") as TraceEvent;
    expect(describeEvent(valued, "en", m.names)).toMatch(/result: 'result!'$/);
  });

  it("leave no slot unfilled for any event of the stored traces", () => {
    for (const id of ["callbacks-and-coroutines", "task-states", "sleep-gather-concurrency", "future-done-callback", "custom-awaitable"]) {
      const trace = parseTrace(readFileSync(`${ROOT}tests/visualizer/traces/${id}.json`, "utf8")).events;
      for (const e of trace) {
        for (const lang of ["ko", "en"] as const) expect(describeEvent(e, lang, model.names)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it("copy as a tab-separated table with a header, one row per event", () => {
    const textOut = traceAsText(events, ["ko", "en"], model.names);
    const rows = textOut.trimEnd().split("\n");
    expect(rows.length).toBe(events.length + 1);
    expect(rows[0]).toBe("바퀴\t시간(초)\t이벤트\tEvent");
    expect(rows[5].split("\t")).toEqual(["1", "0.000", "1번째 바퀴 시작: 준비 큐 3개, 타이머 힙 0개", "Iteration 1 begins: 3 ready, 0 in the timer heap"]);
  });
});

describe("strings", () => {
  it("use the same {slots} in Korean and English for every key", () => {
    const slots = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(STRINGS.ko) as (keyof typeof STRINGS.ko)[]) {
      expect({ key, slots: slots(STRINGS.en[key]) }).toEqual({ key, slots: slots(STRINGS.ko[key]) });
    }
  });

  it("fill leaves an unknown slot visible", () => {
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
