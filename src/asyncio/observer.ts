/**
 * What the loop tells an observer: one plain, serializable object per event. The
 * event-loop visualizer and the runner's timestamps are built on these.
 *
 * Every event has `type`, the loop's `time` and `iteration` (the loop turn, from 1;
 * 0 before the first turn). Ids are small integers, unique per loop and kind; tasks
 * take their ids from the futures' counter (a task is a future).
 *
 * With no observer the loop builds none of these objects: each reporting site is one
 * `loop._observer !== null` check.
 */
import type { EventLoop } from "./base-events";
import { _callbackName } from "./coroutines";
import { TimerHandle, type Handle } from "./events";

/**
 * A handle in the ready queue. `task` is set when the callback steps or wakes a task.
 * @example
 * if (e.type === "run") console.log(e.handle, e.callback, e.task); // 1 "Task-1.step" 1
 */
export interface HandleInfo {
  handle: number;
  callback: string;
  task?: number;
}

/**
 * A handle in the timer heap.
 * @example
 * if (e.type === "iteration") for (const t of e.timers) console.log(t.callback, "at", t.when);
 */
export interface TimerInfo extends HandleInfo {
  when: number;
}

interface EventBase {
  time: number;
  iteration: number;
}

/**
 * Start of a loop turn: the ready queue in order and the timer heap by deadline.
 * @example
 * if (e.type === "iteration") console.log(`turn ${e.iteration}: ${e.ready.length} ready, ${e.timers.length} timers`);
 */
export interface IterationEvent extends EventBase {
  type: "iteration";
  ready: HandleInfo[];
  timers: TimerInfo[];
}

/**
 * A handle was queued (`when` is set for timers).
 * @example
 * if (e.type === "schedule") console.log(e.callback, e.when === undefined ? "soon" : `at ${e.when}`);
 */
export interface ScheduleEvent extends EventBase, HandleInfo {
  type: "schedule";
  when?: number;
}

/**
 * A handle's callback starts.
 * @example
 * if (e.type === "run") console.log("running", e.callback);
 */
export interface RunEvent extends EventBase, HandleInfo {
  type: "run";
}

/**
 * A handle was cancelled while it could still run: in the ready queue or the timer heap.
 * Cancelling a handle whose callback already ran (or whose loop is closed) changes
 * nothing and is not reported.
 * @example
 * if (e.type === "cancel") console.log("cancelled", e.callback);
 */
export interface CancelEvent extends EventBase, HandleInfo {
  type: "cancel";
  when?: number;
}

/**
 * A task was created (`coro`: the coroutine function's name, when known).
 * @example
 * if (e.type === "task-create") console.log(e.name, "wraps", e.coro);
 */
export interface TaskCreateEvent extends EventBase {
  type: "task-create";
  task: number;
  name: string;
  coro: string;
}

/**
 * The loop sends into a task's coroutine (`coro.next`) or throws into it (`coro.throw`).
 * @example
 * if (e.type === "task-step") console.log(`task ${e.task}: ${e.resume}`); // "task 1: send"
 */
export interface TaskStepEvent extends EventBase {
  type: "task-step";
  task: number;
  resume: "send" | "throw";
}

/**
 * A task's coroutine yielded: it waits on `future` (an id), or null for a bare yield.
 * @example
 * if (e.type === "task-suspend") console.log(`task ${e.task} waits on`, e.future ?? "nothing (bare yield)");
 */
export interface TaskSuspendEvent extends EventBase {
  type: "task-suspend";
  task: number;
  future: number | null;
}

/**
 * How a future or task ended.
 * @example
 * if (e.type === "task-done" && e.state === "error") console.log("failed:", e.detail);
 */
export type DoneState = "result" | "error" | "cancelled";

/**
 * A task finished; `detail` is its result, error or cancel message, as text.
 * @example
 * if (e.type === "task-done") console.log(`task ${e.task} ${e.state}: ${e.detail}`);
 */
export interface TaskDoneEvent extends EventBase {
  type: "task-done";
  task: number;
  state: DoneState;
  detail: string;
}

/**
 * A plain future was created.
 * @example
 * if (e.type === "future-create") console.log("future", e.future);
 */
export interface FutureCreateEvent extends EventBase {
  type: "future-create";
  future: number;
}

/**
 * A plain future became done.
 * @example
 * if (e.type === "future-done") console.log(`future ${e.future} ${e.state}`);
 */
export interface FutureDoneEvent extends EventBase {
  type: "future-done";
  future: number;
  state: DoneState;
  detail: string;
}

/**
 * A done callback was registered on a pending future (`op: "add"`, from
 * `addDoneCallback`) or taken off it (`op: "remove"`, one event per registration that
 * `removeDoneCallback` drops). `callback` is its readable name; `task` is set when the
 * callback is a task's wakeup. A callback added to a future that is already done goes
 * straight to the ready queue (a `schedule` event) and is not reported here; when the
 * future completes, its callbacks all leave it (see `future-done` / `task-done`).
 * @example
 * if (e.type === "future-callback") console.log(e.op, e.callback, "on future", e.future);
 */
export interface FutureCallbackEvent extends EventBase {
  type: "future-callback";
  op: "add" | "remove";
  future: number;
  callback: string;
  task?: number;
}

/**
 * The loop was closed (`loop.close()`): `ready` callbacks still queued and `timers`
 * timers still in the heap (cancelled ones not counted) are dropped without running.
 * @example
 * if (e.type === "close") console.log(`dropped ${e.ready} ready and ${e.timers} timers`);
 */
export interface CloseEvent extends EventBase {
  type: "close";
  ready: number;
  timers: number;
}

/**
 * Any event the loop reports.
 * @example
 * const loop = asyncio.newEventLoop({ observer: (e: asyncio.LoopEvent) => console.log(e.time, e.type) });
 */
export type LoopEvent =
  | IterationEvent | ScheduleEvent | RunEvent | CancelEvent
  | TaskCreateEvent | TaskStepEvent | TaskSuspendEvent | TaskDoneEvent
  | FutureCreateEvent | FutureDoneEvent | FutureCallbackEvent | CloseEvent;

/**
 * Receives the loop's events, one call per event.
 * @example
 * const events: asyncio.LoopEvent[] = [];
 * const loop = asyncio.newEventLoop({ observer: (e) => events.push(e) });
 * Python: (no counterpart; CPython's closest tool is debug mode's logging)
 */
export type LoopObserver = (event: LoopEvent) => void;

/**
 * An event as a reporting site builds it; `_emit` stamps `time` and `iteration`.
 * @example
 * loop._emit({ type: "future-create", future: 3 }); // _emit adds time and iteration
 * @internal
 */
export type EventBody = LoopEvent extends infer E ? E extends LoopEvent ? Omit<E, "time" | "iteration"> : never : never;

/**
 * Report a handle being scheduled, run or cancelled (timers carry `when`, except when run).
 * @example
 * if (loop._observer !== null) _emitHandleEvent(loop, "schedule", handle);
 * @internal
 */
export function _emitHandleEvent(loop: EventLoop, type: "schedule" | "run" | "cancel", handle: Handle): void {
  const info = handle._info();
  if (handle instanceof TimerHandle && type !== "run") {
    loop._emit({ type, ...info, when: handle._when });
  } else {
    loop._emit({ type, ...info });
  }
}

/**
 * Report a done callback added to or removed from a pending future.
 * @example
 * _emitFutureCallback(loop, "add", fut._id, fn);
 * @internal
 */
export function _emitFutureCallback(loop: EventLoop, op: "add" | "remove", future: number, fn: unknown): void {
  const task = (fn as { _asyncioTask?: { _id: number; getName(): string } })._asyncioTask;
  if (task !== undefined) {
    loop._emit({ type: "future-callback", op, future, callback: `${task.getName()}.wakeup`, task: task._id });
  } else {
    const name = _callbackName(fn);
    loop._emit({ type: "future-callback", op, future, callback: name === "anonymous" ? "Future.done-callback" : name });
  }
}

/**
 * Report the loop closing, with what it drops (live handles only).
 * @example
 * if (this._observer !== null) _emitCloseEvent(this); // in close()
 * @internal
 */
export function _emitCloseEvent(loop: EventLoop): void {
  let ready = 0;
  loop._ready.forEachFrom(0, (h) => {
    if (!h._cancelled) ready++;
  });
  let timers = 0;
  for (const t of loop._timers.items) if (!t._cancelled) timers++; // a count: no order needed
  loop._emit({ type: "close", ready, timers });
}

/**
 * Report the start of a turn: the ready queue in order and the live timers by deadline.
 * @example
 * if (loop._observer !== null) _emitIterationEvent(loop); // at the start of each turn
 * @internal
 */
export function _emitIterationEvent(loop: EventLoop): void {
  const ready: HandleInfo[] = [];
  loop._ready.forEachFrom(0, (h) => {
    if (!h._cancelled) ready.push(h._info());
  });
  const timers: TimerInfo[] = [];
  for (const t of loop._timers.sorted()) {
    if (!t._cancelled) timers.push({ ...t._info(), when: t._when });
  }
  loop._emit({ type: "iteration", ready, timers });
}
