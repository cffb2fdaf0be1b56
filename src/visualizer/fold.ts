/**
 * Folding the loop's observer events into its state, one event at a time: the types of
 * the events the visualizer stores and of the state it shows, and the fold itself.
 *
 * The `iteration` event's snapshots of the ready queue and the timer heap replace the
 * folded ones at the start of every turn; between two turns the state changes only as
 * the events say. Pure: no DOM.
 */
import type { DoneState, HandleInfo, LoopEvent, TimerInfo } from "../asyncio/observer";

/** A line the program printed, stamped like a loop event (the visualizer's own kind). */
export interface OutputEvent {
  type: "output";
  text: string;
  time: number;
  iteration: number;
}

/** A loop event, optionally tagged with the reader's source line it came from. */
export type TaggedLoopEvent = LoopEvent & { line?: number };

/** What the visualizer stores: the loop's events plus printed lines. */
export type TraceEvent = TaggedLoopEvent | OutputEvent;

/** Where a task is: its step queued, its coroutine running, waiting on a future, or over. */
export type TaskPhase = "pending" | "running" | "suspended" | "done" | "cancelled";

export interface TaskView {
  task: number;
  name: string;
  coro: string;
  phase: TaskPhase;
  /** The future it waits on while suspended (or last waited on, once woken). */
  waitsOn: number | null;
  /** For a done task: "result" or "error". */
  outcome: Exclude<DoneState, "cancelled"> | null;
  detail: string;
  /** How many times the loop stepped it (send or throw). */
  steps: number;
  /** Tasks suspended on this task (a task is a future), in id order. */
  waiters: number[];
  /** Plain done callbacks waiting on this task (not task wakeups), by name, in the order added. */
  callbacks: string[];
}

export interface FutureView {
  future: number;
  state: "pending" | DoneState;
  detail: string;
  /** Tasks suspended on this future, in id order. */
  waiters: number[];
  /** Plain done callbacks waiting on this future (not task wakeups), by name, in the order added. */
  callbacks: string[];
}

/** The loop as it stands after one event. */
export interface LoopState {
  /** Absolute index of the last event applied; -1 before the first. */
  step: number;
  time: number;
  iteration: number;
  /** The ready queue, front first. */
  ready: HandleInfo[];
  /** The timer heap, by deadline. */
  timers: TimerInfo[];
  /** The callback running (or that ran last) in this turn; null at a turn's start. */
  current: HandleInfo | null;
  /** Every task, by id (pruned: at most KEEP_FINISHED finished ones). */
  tasks: TaskView[];
  /** Plain futures (not tasks), by id, with their waiters (pruned like tasks). */
  futures: FutureView[];
  /** Loops seen: a second `asyncio.run()` starts a new loop with fresh ids. */
  loops: number;
}

/** Finished tasks and futures kept for display; older ones are forgotten. */
export const KEEP_FINISHED = 64;

/**
 * The loop's state folded from its events, one `apply()` per event; mutable, so the
 * model keeps copies (`clone()`) and hands out `view()`s. @internal
 */
export class Fold {
  step = -1;
  time = 0;
  iteration = 0;
  ready: HandleInfo[] = [];
  timers: TimerInfo[] = [];
  current: HandleInfo | null = null;
  tasks = new Map<number, TaskView>();
  futures = new Map<number, FutureView>();
  loops = 0;

  clone(): Fold {
    const f = new Fold();
    f.step = this.step;
    f.time = this.time;
    f.iteration = this.iteration;
    f.ready = this.ready.slice();
    f.timers = this.timers.slice();
    f.current = this.current;
    // Waiters stay empty inside a Fold; view() fills them in on its copy.
    for (const [id, t] of this.tasks) f.tasks.set(id, { ...t, waiters: [], callbacks: t.callbacks.slice() });
    for (const [id, fut] of this.futures) f.futures.set(id, { ...fut, waiters: [], callbacks: fut.callbacks.slice() });
    f.loops = this.loops;
    return f;
  }

  apply(e: TraceEvent): void {
    this.step++;
    if (e.type !== "output" && (e.iteration < this.iteration || this.loops === 0)) this.newLoop();
    this.time = e.time;
    this.iteration = e.iteration;
    switch (e.type) {
      case "iteration":
        // Ground truth at the start of every turn.
        this.ready = e.ready.slice();
        this.timers = e.timers.slice();
        this.current = null;
        break;
      case "schedule":
        if (e.when === undefined) this.ready.push(info(e));
        else insertTimer(this.timers, { ...info(e), when: e.when });
        if (e.task !== undefined) this.wake(e.task);
        break;
      case "run": {
        this.current = info(e);
        const i = this.ready.findIndex((h) => h.handle === e.handle);
        if (i >= 0) this.ready.splice(i, 1);
        break;
      }
      case "cancel":
        this.ready = this.ready.filter((h) => h.handle !== e.handle);
        this.timers = this.timers.filter((h) => h.handle !== e.handle);
        break;
      case "task-create":
        this.tasks.set(e.task, {
          task: e.task, name: e.name, coro: e.coro, phase: "pending",
          waitsOn: null, outcome: null, detail: "", steps: 0, waiters: [], callbacks: [],
        });
        break;
      case "task-step": {
        const t = this.task(e.task);
        t.waitsOn = null;
        t.phase = "running";
        t.steps++;
        break;
      }
      case "task-suspend": {
        const t = this.task(e.task);
        if (e.future === null) {
          t.phase = "pending"; // a bare yield: its next step is already in the ready queue
        } else {
          t.phase = "suspended";
          t.waitsOn = e.future;
          if (!this.tasks.has(e.future)) this.future(e.future);
        }
        break;
      }
      case "task-done": {
        const t = this.task(e.task);
        t.waitsOn = null;
        t.phase = e.state === "cancelled" ? "cancelled" : "done";
        t.outcome = e.state === "cancelled" ? null : e.state;
        t.detail = e.detail;
        t.callbacks = []; // all of them are in the ready queue now
        this.prune(this.tasks, (v) => v.phase === "done" || v.phase === "cancelled");
        break;
      }
      case "future-create":
        this.future(e.future);
        break;
      case "future-done": {
        const f = this.future(e.future);
        f.state = e.state;
        f.detail = e.detail;
        f.callbacks = []; // all of them are in the ready queue now
        this.prune(this.futures, (v) => v.state !== "pending");
        break;
      }
      case "future-callback": {
        // A task's wakeup shows as the task waiting (task-suspend), not as a callback.
        if (e.task !== undefined) break;
        const callbacks = (this.tasks.get(e.future) ?? this.future(e.future)).callbacks;
        if (e.op === "add") {
          callbacks.push(e.callback);
        } else {
          const i = callbacks.indexOf(e.callback);
          if (i >= 0) callbacks.splice(i, 1);
        }
        break;
      }
      case "close":
        // close() drops whatever is still queued or waiting for its deadline.
        this.ready = [];
        this.timers = [];
        this.current = null;
        break;
      case "output":
        break;
    }
  }

  /** A copy for display, with each future's and task's waiters filled in. */
  view(): LoopState {
    const c = this.clone();
    const tasks = [...c.tasks.values()].sort((a, b) => a.task - b.task);
    const futures = [...c.futures.values()].sort((a, b) => a.future - b.future);
    for (const t of tasks) {
      if (t.phase !== "suspended" || t.waitsOn === null) continue;
      const target = c.tasks.get(t.waitsOn) ?? c.futures.get(t.waitsOn);
      target?.waiters.push(t.task);
    }
    return {
      step: c.step, time: c.time, iteration: c.iteration, ready: c.ready, timers: c.timers,
      current: c.current, tasks, futures, loops: c.loops,
    };
  }

  private newLoop(): void {
    this.ready = [];
    this.timers = [];
    this.current = null;
    this.tasks.clear();
    this.futures.clear();
    this.loops++;
  }

  /** A woken task (its wakeup or step was queued) is pending again. */
  private wake(id: number): void {
    const t = this.tasks.get(id);
    if (t !== undefined && t.phase === "suspended") t.phase = "pending";
  }

  /** The task by id; one created before the kept events began is named by its id. */
  private task(id: number): TaskView {
    let t = this.tasks.get(id);
    if (t === undefined) {
      t = { task: id, name: `Task #${id}`, coro: "", phase: "pending", waitsOn: null, outcome: null, detail: "", steps: 0, waiters: [], callbacks: [] };
      this.tasks.set(id, t);
    }
    return t;
  }

  private future(id: number): FutureView {
    let f = this.futures.get(id);
    if (f === undefined) {
      f = { future: id, state: "pending", detail: "", waiters: [], callbacks: [] };
      this.futures.set(id, f);
    }
    return f;
  }

  /** Forget the oldest finished entries beyond KEEP_FINISHED (Maps iterate in insertion order). */
  private prune<V>(map: Map<number, V>, finished: (v: V) => boolean): void {
    let count = 0;
    for (const v of map.values()) if (finished(v)) count++;
    for (const [id, v] of map) {
      if (count <= KEEP_FINISHED) break;
      if (finished(v)) {
        map.delete(id);
        count--;
      }
    }
  }
}

function info(e: HandleInfo): HandleInfo {
  return e.task === undefined ? { handle: e.handle, callback: e.callback } : { handle: e.handle, callback: e.callback, task: e.task };
}

/** Insert after every timer due at the same time or earlier (the heap pops ties in its own order; a snapshot corrects it). */
function insertTimer(timers: TimerInfo[], t: TimerInfo): void {
  let i = timers.length;
  while (i > 0 && timers[i - 1].when > t.when) i--;
  timers.splice(i, 0, t);
}

