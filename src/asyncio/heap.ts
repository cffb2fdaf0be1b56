/**
 * The timer heap: a binary min-heap ordered by deadline alone, with the exact sift steps
 * of CPython's `heapq` (`_siftdown` / `_siftup`). There is no tie-break counter on
 * purpose: CPython's `TimerHandle.__lt__` compares deadlines only, so timers with equal
 * deadlines leave the heap in the order these very steps give them, and the library
 * must give the same order.
 *
 * The deadlines sit in their own array beside the items (`_whens[i]` is the deadline of
 * `items[i]`; every step moves both). V8 keeps an array of numbers unboxed and packed,
 * while a number in an object field is a pointer to a boxed number: comparing two
 * deadlines here reads two doubles side by side instead of following four pointers
 * across the heap, which is most of the cost of popping 200k timers.
 * @internal
 */

/** What the heap holds: anything with a deadline (the heap keeps its own copy of it). */
interface Timed {
  _when: number;
}

/**
 * A heap of timers by deadline.
 * Invariant: `_whens[i] === items[i]._when`, and both arrays satisfy the heap property
 * `_whens[(i - 1) >> 1] <= _whens[i]`.
 * @example
 * const heap = new TimerHeap<TimerHandle>();
 * heap.push(timer);
 * const first = heap.pop();
 * Python: heapq.heappush / heapq.heappop on loop._scheduled
 */
export class TimerHeap<T extends Timed> {
  /** The timers, in heap order (read them, never write: `_whens` must follow). */
  items: T[] = [];
  /** Their deadlines, index for index. */
  private _whens: number[] = [];

  /** How many timers the heap holds. */
  get size(): number {
    return this.items.length;
  }

  /** The timer with the smallest deadline (the heap must not be empty). */
  peek(): T {
    return this.items[0];
  }

  /** The smallest deadline (the heap must not be empty). */
  peekWhen(): number {
    return this._whens[0];
  }

  /** Push a timer. Python: heapq.heappush(heap, item) */
  push(item: T): void {
    this.items.push(item);
    this._whens.push(item._when);
    this._siftdown(0, this.items.length - 1);
  }

  /** Pop the timer with the smallest deadline (the heap must not be empty). Python: heapq.heappop(heap) */
  pop(): T {
    const items = this.items;
    const whens = this._whens;
    const lastItem = items.pop() as T;
    const lastWhen = whens.pop() as number;
    if (items.length === 0) return lastItem;
    const first = items[0];
    items[0] = lastItem;
    whens[0] = lastWhen;
    this._siftup(0);
    return first;
  }

  /** Keep only the timers `keep` accepts, then restore the heap bottom-up. Python: heapq.heapify(x) */
  filter(keep: (item: T) => boolean): void {
    const items: T[] = [];
    const whens: number[] = [];
    for (const item of this.items) {
      if (!keep(item)) continue;
      items.push(item);
      whens.push(item._when);
    }
    this.items = items;
    this._whens = whens;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this._siftup(i);
  }

  /** Drop every timer. */
  clear(): void {
    this.items = [];
    this._whens = [];
  }

  /** The timers in the order they would be popped (for observers; the heap is untouched). */
  sorted(): T[] {
    const copy = new TimerHeap<T>();
    copy.items = this.items.slice();
    copy._whens = this._whens.slice();
    const out: T[] = [];
    while (copy.size > 0) out.push(copy.pop());
    return out;
  }

  /** heapq's `_siftdown`: move the timer at `pos` up towards `startpos` while it is due earlier than its parent. */
  private _siftdown(startpos: number, pos: number): void {
    const items = this.items;
    const whens = this._whens;
    const newitem = items[pos];
    const newwhen = whens[pos];
    while (pos > startpos) {
      const parentpos = (pos - 1) >> 1;
      if (newwhen < whens[parentpos]) {
        items[pos] = items[parentpos];
        whens[pos] = whens[parentpos];
        pos = parentpos;
        continue;
      }
      break;
    }
    items[pos] = newitem;
    whens[pos] = newwhen;
  }

  /**
   * heapq's `_siftup`: bubble the smaller child up until `pos` is a leaf, then put the
   * displaced timer there and sift it back down. (Fewer comparisons than stopping early,
   * and the reason tie order is what it is.)
   */
  private _siftup(pos: number): void {
    const items = this.items;
    const whens = this._whens;
    const endpos = items.length;
    const startpos = pos;
    const newitem = items[pos];
    const newwhen = whens[pos];
    let childpos = 2 * pos + 1;
    while (childpos < endpos) {
      const rightpos = childpos + 1;
      if (rightpos < endpos && !(whens[childpos] < whens[rightpos])) {
        childpos = rightpos;
      }
      items[pos] = items[childpos];
      whens[pos] = whens[childpos];
      pos = childpos;
      childpos = 2 * pos + 1;
    }
    items[pos] = newitem;
    whens[pos] = newwhen;
    this._siftdown(startpos, pos);
  }
}
