/**
 * The timer heap: a binary min-heap in a plain array, ordered by `_when` alone, with the
 * exact sift steps of CPython's `heapq` (`_siftdown` / `_siftup`). There is no tie-break
 * counter on purpose: CPython's `TimerHandle.__lt__` compares deadlines only, so timers
 * with equal deadlines leave the heap in the order these very steps give them, and the
 * library must give the same order.
 * @internal
 */

/** What the heap orders: anything with a deadline. */
export interface Timed {
  _when: number;
}

/** Move `heap[pos]` up towards `startpos` while it is smaller than its parent. */
function siftdown<T extends Timed>(heap: T[], startpos: number, pos: number): void {
  const newitem = heap[pos];
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap[parentpos];
    if (newitem._when < parent._when) {
      heap[pos] = parent;
      pos = parentpos;
      continue;
    }
    break;
  }
  heap[pos] = newitem;
}

/**
 * heapq's `_siftup`: bubble the smaller child up until `pos` is a leaf, then put the
 * displaced item there and sift it back down. (Fewer comparisons than stopping early,
 * and the reason tie order is what it is.)
 */
function siftup<T extends Timed>(heap: T[], pos: number): void {
  const endpos = heap.length;
  const startpos = pos;
  const newitem = heap[pos];
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos && !(heap[childpos]._when < heap[rightpos]._when)) {
      childpos = rightpos;
    }
    heap[pos] = heap[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap[pos] = newitem;
  siftdown(heap, startpos, pos);
}

/**
 * Push an item onto the heap.
 * @example
 * heappush(timers, handle);
 * Python: heapq.heappush(heap, item)
 */
export function heappush<T extends Timed>(heap: T[], item: T): void {
  heap.push(item);
  siftdown(heap, 0, heap.length - 1);
}

/**
 * Pop the item with the smallest deadline (the heap must not be empty).
 * @example
 * const next = heappop(timers);
 * Python: heapq.heappop(heap)
 */
export function heappop<T extends Timed>(heap: T[]): T {
  const lastelt = heap.pop() as T;
  if (heap.length > 0) {
    const returnitem = heap[0];
    heap[0] = lastelt;
    siftup(heap, 0);
    return returnitem;
  }
  return lastelt;
}

/**
 * Turn an array into a heap in place, bottom-up.
 * @example
 * heapify(timers);
 * Python: heapq.heapify(x)
 */
export function heapify<T extends Timed>(heap: T[]): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftup(heap, i);
}
