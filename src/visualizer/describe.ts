/**
 * One line of text per event, in Korean or English: the visualizer's step summary
 * (read out by screen readers), the text trace's "event" column, and what Copy copies.
 */
import type { HandleInfo } from "../asyncio/observer";
import { formatTime, text, type Lang } from "./strings";
import type { TraceEvent } from "./trace";

/** Task names by id (from `task-create`); a task not in it is named by its id. */
export type TaskNames = ReadonlyMap<number, string>;

/** `callback #handle`, the way the panel names a handle. */
export function handleLabel(h: HandleInfo): string {
  return `${h.callback} #${h.handle}`;
}

export function taskLabel(id: number, names: TaskNames): string {
  return names.get(id) ?? `Task #${id}`;
}

/** A future by id: a task's name when the future is a task, else "Future #id". */
export function futureLabel(id: number, names: TaskNames, lang: Lang): string {
  return names.get(id) ?? text(lang, "futureName", { id });
}

/**
 * The event as one sentence.
 * @example
 * describeEvent({ type: "run", handle: 4, callback: "tick", time: 1, iteration: 3 }, "en", new Map());
 * // "Runs tick #4"
 */
export function describeEvent(e: TraceEvent, lang: Lang, names: TaskNames): string {
  switch (e.type) {
    case "iteration":
      return text(lang, "evIteration", { n: e.iteration, ready: e.ready.length, timers: e.timers.length });
    case "schedule":
      return e.when === undefined
        ? text(lang, "evScheduleSoon", { cb: handleLabel(e) })
        : text(lang, "evScheduleTimer", { cb: handleLabel(e), when: formatTime(e.when) });
    case "run":
      return text(lang, "evRun", { cb: handleLabel(e) });
    case "cancel":
      return text(lang, "evCancel", { cb: handleLabel(e) });
    case "task-create":
      return text(lang, "evTaskCreate", { task: e.name, coro: e.coro });
    case "task-step":
      return text(lang, e.resume === "send" ? "evTaskSend" : "evTaskThrow", { task: taskLabel(e.task, names) });
    case "task-suspend":
      return e.future === null
        ? text(lang, "evTaskYield", { task: taskLabel(e.task, names) })
        : text(lang, "evTaskSuspend", { task: taskLabel(e.task, names), future: futureLabel(e.future, names, lang) });
    case "task-done": {
      const key = e.state === "result" ? "evTaskDone" : e.state === "error" ? "evTaskError" : "evTaskCancelled";
      return text(lang, key, { task: taskLabel(e.task, names), detail: e.detail });
    }
    case "future-create":
      return text(lang, "evFutureCreate", { future: futureLabel(e.future, names, lang) });
    case "future-done": {
      const key = e.state === "result" ? "evFutureDone" : e.state === "error" ? "evFutureError" : "evFutureCancelled";
      return text(lang, key, { future: futureLabel(e.future, names, lang), detail: e.detail });
    }
    case "future-callback":
      return text(lang, e.op === "add" ? "evFutureCallbackAdd" : "evFutureCallbackRemove",
        { cb: e.callback, future: futureLabel(e.future, names, lang) });
    case "close":
      return text(lang, "evClose", { ready: e.ready, timers: e.timers });
    case "output":
      return text(lang, "evOutput", { text: e.text });
  }
}

/**
 * The whole trace as tab-separated text (iteration, time, then the event in each
 * language asked for), with a header row: what Copy puts on the clipboard, for pasting
 * into a course or a spreadsheet.
 * @example
 * traceAsText(model.events(), ["ko", "en"], model.names);
 */
export function traceAsText(events: readonly TraceEvent[], langs: readonly Lang[], names: TaskNames): string {
  const first = langs[0] ?? "en";
  const header = [text(first, "colIteration"), text(first, "colTime"), ...langs.map((l) => text(l, "colEvent"))];
  const rows = [header.join("\t")];
  for (const e of events) {
    rows.push([String(e.iteration), formatTime(e.time), ...langs.map((l) => describeEvent(e, l, names))].join("\t"));
  }
  return rows.join("\n") + "\n";
}
