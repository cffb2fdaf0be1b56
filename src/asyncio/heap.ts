/**
 * The timer heap: a binary min-heap ordered by deadline alone, with the exact sift steps
 * of CPython's `heapq` (`_siftdown` / `_siftup`). There is no tie-break counter on
 * purpose: CPython's `TimerHandle.__lt__` compares deadlines only, so timers with equal
 * deadlines leave the heap in the order these very steps give them, and the library
 * must give the same order.
 *
 * What the sift steps move is not the timers themselves but pairs of numbers, each a
 * deadline and a slot: `_nodes` holds them side by side in one Float64Array
 * (`[when0, slot0, when1, slot1, ...]`), and the slot table (slot-table.ts) holds the
 * timer in its slot, where it stays while it waits. Two reasons, both about popping 200k timers:
 *
 * - A pop walks about 17 levels of a heap that size, and each level reads two children
 *   from memory that is not in the cache. With the deadline and the slot in the same 16
 *   bytes, one cache line brings both; with an array of timers beside an array of
 *   deadlines it took two.
 * - Writing a number into a Float64Array is a plain store. Writing an object into an
 *   array is a store plus the collector's write barrier (it must remember an old array
 *   that points at a young timer), paid at every level of every sift.
 * @internal
 */

import { SlotTable } from "./slot-table";

/** Slots of `_nodes` (two per timer) in a new heap. */
const FIRST_CAPACITY = 64;

/**
 * A heap of timers by deadline.
 * Invariant: positions `0 .. size-1` of the heap are the pairs
 * `(_nodes[2i], _nodes[2i + 1])` = (deadline, slot), with the heap property
 * `_nodes[2 * ((i - 1) >> 1)] <= _nodes[2i]`; `_table.get(slot)` is that position's timer,
 * and every other entry of `_table` is null and listed in the first `_freeCount` entries of `_freeSlots`.
 * @example
 * const heap = new TimerHeap<TimerHandle>();
 * heap.push(timer, timer._deadlines, timer._deadlineIndex);
 * const first = heap.pop();
 * Python: heapq.heappush / heapq.heappop on loop._scheduled
 */
export class TimerHeap<T extends object> {
  /** How many timers the heap holds. */
  size = 0;
  /** Deadline and slot of each heap position, side by side. */
  private _nodes = new Float64Array(FIRST_CAPACITY);
  /** The timers, by slot (a timer keeps its slot while it waits). */
  private _table = new SlotTable<T>();
  /** Slots of `_table` that hold null (a stack of `_freeCount`), reused before the table grows. */
  private _freeSlots = new Int32Array(FIRST_CAPACITY);
  private _freeCount = 0;
  /** Scratch list of `popDue`, kept for the next turn (a busy loop pops on every turn). */
  private _due = new Int32Array(FIRST_CAPACITY);

  /** The timers in heap order: CPython's `loop._scheduled` list (made on each call). */
  get items(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(this._table.get(this._nodes[2 * i + 1]) as T);
    return out;
  }

  /** The timer with the smallest deadline (the heap must not be empty). */
  peek(): T {
    return this._table.get(this._nodes[1]) as T;
  }

  /** The smallest deadline (the heap must not be empty). */
  peekWhen(): number {
    return this._nodes[0];
  }

  /** True while `item` waits in the heap in `slot` (what `push` returned for it). */
  holds(slot: number, item: T): boolean {
    return this._table.has(slot, item);
  }

  /**
   * Push a timer due at `deadlines[index]` (where the timer keeps its deadline, see
   * deadlines.ts); returns its slot. The deadline is read here rather than passed as a
   * number: a fractional number passed to a call that is not inlined is boxed, a 16-byte
   * object per timer for the young generation. Python: heapq.heappush(heap, item)
   */
  push(item: T, deadlines: Float64Array, index: number): number {
    const when = deadlines[index];
    let slot: number;
    if (this._freeCount > 0) {
      slot = this._freeSlots[--this._freeCount];
      this._table.set(slot, item);
    } else {
      slot = this._table.append(item);
    }
    const pos = this.size++;
    if (2 * pos + 2 > this._nodes.length) this._nodes = _doubled(this._nodes);
    this._nodes[2 * pos] = when;
    this._nodes[2 * pos + 1] = slot;
    this._siftdown(0, pos);
    return slot;
  }

  /** Pop the timer with the smallest deadline (the heap must not be empty). Python: heapq.heappop(heap) */
  pop(): T {
    return this._release(this._removeRoot());
  }

  /**
   * Pop every timer due before `endTime`, in heap order, into `into`. Python: the
   * `while self._scheduled: ... heapq.heappop(self._scheduled)` loop of `_run_once`.
   *
   * Done in two passes. The first only sifts, collecting the slots; the second looks the
   * timers up. The table lookups are independent of each other, and popped timers are
   * spread all over the table, so in a tight loop of their own the CPU waits for many
   * of those cache misses at once instead of one per pop between two sifts.
   */
  popDue(endTime: number, into: { push(item: T): void }): void {
    const nodes = this._nodes;
    let due = this._due;
    let n = 0;
    // CPython breaks on `handle._when >= end_time`: a NaN deadline is never that, so it is due.
    while (this.size > 0 && !(nodes[0] >= endTime)) {
      if (n === due.length) due = this._due = _doubled(due);
      due[n++] = this._removeRoot();
    }
    for (let i = 0; i < n; i++) into.push(this._release(due[i]));
  }

  /** Keep only the timers `keep` accepts, then restore the heap bottom-up. Python: heapq.heapify(x) */
  filter(keep: (item: T) => boolean): void {
    const nodes = this._nodes;
    const table = this._table;
    let kept = 0;
    // Compact the pairs in heap order (as CPython's list comprehension keeps list order).
    for (let i = 0; i < this.size; i++) {
      const slot = nodes[2 * i + 1];
      if (!keep(table.get(slot) as T)) {
        this._release(slot);
        continue;
      }
      nodes[2 * kept] = nodes[2 * i];
      nodes[2 * kept + 1] = slot;
      kept++;
    }
    this.size = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this._siftup(i);
  }

  /** Drop every timer. */
  clear(): void {
    this.size = 0;
    this._nodes = new Float64Array(FIRST_CAPACITY);
    this._table.clear();
    this._freeCount = 0;
  }

  /** The timers in the order they would be popped (for observers; the heap is untouched). */
  sorted(): T[] {
    // The observer asks at every turn, mostly with no timer waiting: nothing to copy then.
    if (this.size === 0) return [];
    const copy = new TimerHeap<T>();
    copy.size = this.size;
    copy._nodes = this._nodes.slice();
    copy._table = this._table.copy();
    const out: T[] = [];
    while (copy.size > 0) out.push(copy.pop());
    return out;
  }

  /**
   * heapq's heappop on the pairs alone: take the root's slot, move the last pair to the
   * root and sift it down. Returns the slot; its timer is still in the table.
   */
  private _removeRoot(): number {
    const nodes = this._nodes;
    const slot = nodes[1];
    const last = --this.size;
    if (last > 0) {
      nodes[0] = nodes[2 * last];
      nodes[1] = nodes[2 * last + 1];
      this._siftup(0);
    }
    return slot;
  }

  /** Take the timer out of `slot` and put the slot on the stack of free slots. */
  private _release(slot: number): T {
    const item = this._table.get(slot) as T;
    this._table.set(slot, null);
    if (this._freeCount === this._freeSlots.length) this._freeSlots = _doubled(this._freeSlots);
    this._freeSlots[this._freeCount++] = slot;
    return item;
  }

  /** heapq's `_siftdown`: move the pair at `pos` up towards `startpos` while it is due earlier than its parent. */
  private _siftdown(startpos: number, pos: number): void {
    const nodes = this._nodes;
    const newwhen = nodes[2 * pos];
    const newslot = nodes[2 * pos + 1];
    while (pos > startpos) {
      const parentpos = (pos - 1) >> 1;
      const parentwhen = nodes[2 * parentpos];
      if (newwhen < parentwhen) {
        nodes[2 * pos] = parentwhen;
        nodes[2 * pos + 1] = nodes[2 * parentpos + 1];
        pos = parentpos;
        continue;
      }
      break;
    }
    nodes[2 * pos] = newwhen;
    nodes[2 * pos + 1] = newslot;
  }

  /**
   * heapq's `_siftup`: bubble the smaller child up until `pos` is a leaf, then put the
   * displaced pair there and sift it back down. (Fewer comparisons than stopping early,
   * and the reason tie order is what it is.)
   */
  private _siftup(pos: number): void {
    const nodes = this._nodes;
    const endpos = this.size;
    const startpos = pos;
    const newwhen = nodes[2 * pos];
    const newslot = nodes[2 * pos + 1];
    let childpos = 2 * pos + 1;
    while (childpos < endpos) {
      const rightpos = childpos + 1;
      if (rightpos < endpos && !(nodes[2 * childpos] < nodes[2 * rightpos])) childpos = rightpos;
      nodes[2 * pos] = nodes[2 * childpos];
      nodes[2 * pos + 1] = nodes[2 * childpos + 1];
      pos = childpos;
      childpos = 2 * pos + 1;
    }
    nodes[2 * pos] = newwhen;
    nodes[2 * pos + 1] = newslot;
    this._siftdown(startpos, pos);
  }
}

/** A copy of `a` with twice the room (the heap's arrays grow by doubling). */
function _doubled<A extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(a: A): A {
  const b = new (a.constructor as new (length: number) => A)(a.length * 2);
  b.set(a);
  return b;
}
