/**
 * The visualizer's model: the loop's observer events, kept in a bounded buffer and
 * folded into the state at each step — the ready queue, the timer heap, every task and
 * the future it waits on, futures with their waiters, the loop's time and turn.
 *
 * No second model of the loop: the `iteration` event's snapshots of the ready queue and
 * the timer heap replace the folded ones at the start of every turn, and between two
 * turns the state changes only as the events say (`schedule` appends to the ready queue
 * or enters the timer heap, `run` takes from the front, `cancel` removes). Pure: no DOM.
 */
import { Fold, type LoopState, type TraceEvent } from "./fold";
import { DEFAULT_EVENT_LIMIT, RingBuffer } from "./ring";

export {
  KEEP_FINISHED, type FutureView, type LoopState, type OutputEvent, type TaggedLoopEvent,
  type TaskPhase, type TaskView, type TraceEvent,
} from "./fold";

export { DEFAULT_EVENT_LIMIT } from "./ring";
/** A copy of the state is kept every this many events, so scrubbing folds few events. */
const CHECKPOINT_EVERY = 256;


/** Which stops a step control moves between. */
export type StopKind = "callback" | "iteration";

/**
 * A run's events in a bounded buffer, and the loop's state at any kept step.
 * Events pushed out of the buffer are folded into a base state first, so the state
 * stays exact; only the old events themselves are gone (`dropped` says how many).
 * @example
 * const model = new TraceModel();
 * for (const e of events) model.push(e);
 * model.stateAt(model.end - 1).ready; // the ready queue after the last event
 */
export class TraceModel {
  private readonly _events: RingBuffer<TraceEvent>;
  /** State after every dropped event. */
  private _base = new Fold();
  /** State after every event. */
  private _live = new Fold();
  /** Copies of the state at every CHECKPOINT_EVERY-th absolute index. */
  private _checkpoints = new Map<number, Fold>();
  /** Task names by id, for describing events (bounded like the events). */
  private readonly _names = new Map<number, string>();

  constructor(limit: number = DEFAULT_EVENT_LIMIT) {
    this._events = new RingBuffer<TraceEvent>(limit);
  }

  /** Absolute index of the oldest kept event. */
  get first(): number {
    return this._events.first;
  }

  /** One past the newest event's absolute index. */
  get end(): number {
    return this._events.end;
  }

  /** Events pushed out by the bound. */
  get dropped(): number {
    return this._events.dropped;
  }

  get limit(): number {
    return this._events.capacity;
  }

  push(event: TraceEvent): void {
    const out = this._events.push(event);
    if (out !== undefined) {
      this._base.apply(out);
      this._checkpoints.delete(this._base.step);
    }
    this._live.apply(event);
    if (event.type === "task-create") {
      this._names.set(event.task, event.name);
      if (this._names.size > this.limit) this._names.delete(this._names.keys().next().value as number);
    }
    if (this._live.step % CHECKPOINT_EVERY === 0) this._checkpoints.set(this._live.step, this._live.clone());
  }

  reset(): void {
    this._events.clear();
    this._base = new Fold();
    this._live = new Fold();
    this._checkpoints.clear();
    this._names.clear();
  }

  /** Task names by id (a later loop's task with the same id wins). */
  get names(): ReadonlyMap<number, string> {
    return this._names;
  }

  /** The event at absolute index `k` (must be kept). */
  event(k: number): TraceEvent {
    return this._events.at(k);
  }

  /** The kept events, oldest first. */
  events(): TraceEvent[] {
    return this._events.toArray();
  }

  /** The state after event `k`; `first - 1` gives the state before the first kept event. */
  stateAt(k: number): LoopState {
    if (k < this.first - 1 || k >= this.end) throw new RangeError(`step ${k} is outside ${this.first - 1}..${this.end - 1}`);
    if (k === this._live.step) return this._live.view();
    let from = this._base;
    const c = Math.floor(k / CHECKPOINT_EVERY) * CHECKPOINT_EVERY;
    const saved = this._checkpoints.get(c);
    if (saved !== undefined && c > from.step) from = saved;
    const fold = from.clone();
    for (let i = fold.step + 1; i <= k; i++) fold.apply(this._events.at(i));
    return fold.view();
  }

  /**
   * Is step k a place a step control stops? Callback stops: a turn's start and the end
   * of each callback (the next event starts a callback or a turn, or there is none).
   * Iteration stops: a turn's start. The last event is a stop of both kinds.
   */
  isStop(k: number, kind: StopKind): boolean {
    if (k < this.first || k >= this.end) return false;
    if (k === this.end - 1) return true;
    const type = this._events.at(k).type;
    if (type === "iteration") return true;
    if (kind === "iteration") return false;
    const next = this._events.at(k + 1).type;
    return next === "run" || next === "iteration";
  }

  /** The next stop after k, or k if there is none. */
  nextStop(k: number, kind: StopKind): number {
    for (let i = Math.max(k + 1, this.first); i < this.end; i++) if (this.isStop(i, kind)) return i;
    return k;
  }

  /** The previous stop before k, or the first kept step if there is none. */
  prevStop(k: number, kind: StopKind): number {
    for (let i = Math.min(k - 1, this.end - 1); i >= this.first; i--) if (this.isStop(i, kind)) return i;
    return Math.min(k, this.first);
  }

  /** The line of the nearest event at or before k, within the same callback, that carries one. */
  lineAt(k: number, lineOf: (e: TraceEvent) => number | null = defaultLineOf): number | null {
    for (let i = Math.min(k, this.end - 1); i >= this.first; i--) {
      const e = this._events.at(i);
      const line = lineOf(e);
      if (line !== null) return line;
      // A line never carries over the start of a turn or of another callback.
      if (e.type === "iteration" || e.type === "run") return null;
    }
    return null;
  }
}

/** The source line an event carries (set by the worker's collector), if any. */
export function defaultLineOf(e: TraceEvent): number | null {
  return e.type !== "output" && typeof e.line === "number" ? e.line : null;
}
