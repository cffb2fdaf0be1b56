/**
 * A bounded list that keeps the most recent items: once full, each new item pushes the
 * oldest one out, and the buffer counts how many it has let go. The visualizer keeps a
 * run's events in one, so a long run costs a fixed amount of memory.
 */

/** Events the visualizer keeps by default: enough for every example, bounded for runaway programs. */
export const DEFAULT_EVENT_LIMIT = 20_000;

/**
 * The most recent `capacity` items, oldest first, with a count of those dropped.
 * Indexes passed to `at()` are absolute: item k is the k-th item ever pushed (from 0),
 * readable while `first <= k < end`.
 * @example
 * const ring = new RingBuffer<number>(2);
 * ring.push(1); ring.push(2); ring.push(3);
 * ring.dropped; // 1
 * ring.at(2);   // 3
 */
export class RingBuffer<T> {
  /** Slot k % capacity holds item k; the array grows to `capacity` as items come. */
  private _items: T[] = [];
  /** Items ever pushed. */
  private _end = 0;
  readonly capacity: number;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
  }

  /** Absolute index of the oldest item still held. */
  get first(): number {
    return Math.max(0, this._end - this.capacity);
  }

  /** One past the absolute index of the newest item (items ever pushed). */
  get end(): number {
    return this._end;
  }

  /** Items held now. */
  get size(): number {
    return this._end - this.first;
  }

  /** Items pushed out to respect the bound. */
  get dropped(): number {
    return this.first;
  }

  /** Append an item; returns the item it pushed out, if the buffer was full. */
  push(item: T): T | undefined {
    const slot = this._end % this.capacity;
    const out = this._end >= this.capacity ? this._items[slot] : undefined;
    this._items[slot] = item;
    this._end++;
    return out;
  }

  /** The item with absolute index `k`; throws RangeError if it was dropped or not pushed yet. */
  at(k: number): T {
    if (k < this.first || k >= this._end) throw new RangeError(`index ${k} is outside ${this.first}..${this._end - 1}`);
    return this._items[k % this.capacity];
  }

  /** The held items, oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let k = this.first; k < this._end; k++) out.push(this._items[k % this.capacity]);
    return out;
  }

  /** Forget everything, including the dropped count. */
  clear(): void {
    this._items = [];
    this._end = 0;
  }
}
