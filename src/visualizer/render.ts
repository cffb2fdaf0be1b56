/**
 * DOM for one step's state: the ready queue, the timer heap, the tasks and the futures.
 * Plain functions from a LoopState to elements; the panel swaps them in on every step.
 */
import type { HandleInfo } from "../asyncio/observer";
import { futureLabel, taskLabel, type TaskNames } from "./describe";
import { formatTime, langsOf, text, type LangMode, type VisualizerKey } from "./strings";
import type { FutureView, LoopState, TaskPhase, TaskView } from "./trace";

type Vars = Readonly<Record<string, string | number>>;
type Child = Node | string | null | undefined | false;

/** `document.createElement` with attributes and children. */
export function h(tag: string, attrs: Readonly<Record<string, string>> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/**
 * A string in the panel's language mode: one span per language, each with its `lang`;
 * in "both" the English one follows, muted.
 */
export function say(mode: LangMode, key: VisualizerKey, vars?: Vars): DocumentFragment {
  return sayEach(mode, (lang) => text(lang, key, vars));
}

/** Like `say`, with the text computed per language. */
export function sayEach(mode: LangMode, make: (lang: "ko" | "en") => string): DocumentFragment {
  const frag = document.createDocumentFragment();
  langsOf(mode).forEach((lang, i) => frag.append(h("span", i === 0 ? { lang } : { lang, class: "alt" }, make(lang))));
  return frag;
}

/** A string for an attribute (aria-label, title): both languages joined in "both". */
export function sayAttr(mode: LangMode, key: VisualizerKey, vars?: Vars): string {
  return langsOf(mode).map((lang) => text(lang, key, vars)).join(" / ");
}

function box(mode: LangMode, title: VisualizerKey, hint: VisualizerKey | null, count: number | null, body: Node): HTMLElement {
  const id = `box-${title}`;
  return h("section", { class: "box", "aria-labelledby": id },
    h("h3", { id }, h("span", {}, say(mode, title)), count === null ? null : h("span", { class: "badge" }, String(count))),
    hint === null ? null : h("p", { class: "hint" }, say(mode, hint)),
    body);
}

function emptyItem(mode: LangMode): HTMLElement {
  return h("li", { class: "empty" }, say(mode, "empty"));
}

function handleItem(mode: LangMode, hInfo: HandleInfo, pos: number, isNew: boolean, extra: Node | null): HTMLElement {
  const cls = ["item"];
  if (hInfo.task !== undefined) cls.push("task-step");
  if (isNew) cls.push("new");
  return h("li", { class: cls.join(" "), "data-handle": String(hInfo.handle) },
    h("span", { class: "pos", "aria-hidden": "true" }, `${pos}.`),
    extra,
    h("code", {}, hInfo.callback),
    h("span", { class: "badge" }, `#${hInfo.handle}`),
    isNew ? h("span", { class: "badge new" }, say(mode, "added")) : null);
}

/** Handle ids on screen at the step shown before, per list (to mark what is new). */
export interface ShownIds {
  ready: ReadonlySet<number>;
  timers: ReadonlySet<number>;
}

export function shownIds(s: LoopState): ShownIds {
  return { ready: new Set(s.ready.map((r) => r.handle)), timers: new Set(s.timers.map((t) => t.handle)) };
}

/** The ready queue, front first, with the current callback above it. */
export function renderReady(mode: LangMode, s: LoopState, prev: ReadonlySet<number>): HTMLElement {
  const list = h("ol", { "data-list": "ready" });
  s.ready.forEach((r, i) => list.append(handleItem(mode, r, i + 1, !prev.has(r.handle), null)));
  if (s.ready.length === 0) list.append(emptyItem(mode));
  const running = s.current === null
    ? h("p", { class: "running", "data-running": "" }, say(mode, "turnStart"))
    : h("p", { class: "running", "data-running": s.current.callback },
      h("strong", {}, say(mode, "running")), ": ", h("code", {}, s.current.callback), ` #${s.current.handle}`);
  const body = document.createDocumentFragment();
  body.append(running, list);
  return box(mode, "readyQueue", "readyHint", s.ready.length, body);
}

/** The timer heap by deadline. */
export function renderTimers(mode: LangMode, s: LoopState, prev: ReadonlySet<number>): HTMLElement {
  const list = h("ol", { "data-list": "timers" });
  s.timers.forEach((t, i) => {
    const when = h("span", { class: "when" }, say(mode, "seconds", { time: formatTime(t.when) }));
    list.append(handleItem(mode, t, i + 1, !prev.has(t.handle), when));
  });
  if (s.timers.length === 0) list.append(emptyItem(mode));
  return box(mode, "timerHeap", "timerHint", s.timers.length, list);
}

const PHASE_KEY: Record<TaskPhase, VisualizerKey> = {
  pending: "phasePending",
  running: "phaseRunning",
  suspended: "phaseSuspended",
  done: "phaseDone",
  cancelled: "phaseCancelled",
};

function waitersLine(mode: LangMode, waiters: number[], names: TaskNames): HTMLElement | null {
  if (waiters.length === 0) return null;
  const tasks = waiters.map((w) => taskLabel(w, names)).join(", ");
  return h("span", { class: "sub" }, say(mode, "waitedBy", { tasks }));
}

function callbacksLine(mode: LangMode, callbacks: string[]): HTMLElement | null {
  if (callbacks.length === 0) return null;
  return h("span", { class: "sub", "data-callbacks": "" }, say(mode, "callbacksWaiting", { callbacks: callbacks.join(", ") }));
}

function taskItem(mode: LangMode, t: TaskView, names: TaskNames): HTMLElement {
  let sub: Node | null = null;
  if (t.phase === "suspended" && t.waitsOn !== null) {
    const waitsOn = t.waitsOn;
    sub = h("span", { class: "sub" }, sayEach(mode, (lang) => text(lang, "waitsOn", { future: futureLabel(waitsOn, names, lang) })));
  } else if (t.phase === "done") {
    sub = h("span", { class: "sub" }, say(mode, t.outcome === "error" ? "stateError" : "stateResult", { detail: t.detail }));
  }
  return h("li", { class: "item", "data-task": String(t.task), "data-phase": t.phase },
    h("code", {}, t.name),
    t.coro && t.coro !== "coroutine" ? h("span", { class: "alt" }, t.coro) : null,
    h("span", { class: `badge ${t.phase}` }, say(mode, PHASE_KEY[t.phase])),
    sub,
    waitersLine(mode, t.waiters, names),
    callbacksLine(mode, t.callbacks));
}

/** Every task with its state and the future it waits on. */
export function renderTasks(mode: LangMode, s: LoopState, names: TaskNames): HTMLElement {
  const list = h("ul", { "data-list": "tasks" });
  for (const t of s.tasks) list.append(taskItem(mode, t, names));
  if (s.tasks.length === 0) list.append(h("li", { class: "empty" }, say(mode, "none")));
  return box(mode, "tasks", null, s.tasks.length, list);
}

function futureItem(mode: LangMode, f: FutureView, names: TaskNames): HTMLElement {
  const state = f.state === "pending"
    ? say(mode, "statePending")
    : f.state === "cancelled"
      ? say(mode, "stateCancelled")
      : say(mode, f.state === "error" ? "stateError" : "stateResult", { detail: f.detail });
  return h("li", { class: "item", "data-future": String(f.future), "data-state": f.state },
    h("code", {}, sayEach(mode, (lang) => futureLabel(f.future, names, lang))),
    h("span", { class: `badge ${f.state === "pending" ? "suspended" : "done"}` }, state),
    waitersLine(mode, f.waiters, names),
    callbacksLine(mode, f.callbacks));
}

/** Plain futures (tasks are listed above), pending ones first, with their waiters. */
export function renderFutures(mode: LangMode, s: LoopState, names: TaskNames): HTMLElement {
  const list = h("ul", { "data-list": "futures" });
  const pending = s.futures.filter((f) => f.state === "pending");
  const done = s.futures.filter((f) => f.state !== "pending").slice(-4); // the latest few finished
  for (const f of [...pending, ...done]) list.append(futureItem(mode, f, names));
  if (pending.length + done.length === 0) list.append(h("li", { class: "empty" }, say(mode, "none")));
  return box(mode, "futures", null, pending.length, list);
}
