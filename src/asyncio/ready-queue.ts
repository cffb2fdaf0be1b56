/**
 * The ready queue: what waits to run, first in, first out (CPython's `_ready`
 * deque). A ring buffer of slots with a head index: taking from the front never shifts
 * the array, and a steady workload reuses the same array instead of allocating new ones.
 *
 * An entry takes one slot or two. A handle (what `callSoon` returns, or a timer that
 * fell due) takes one. A call the loop makes for itself (a task's next step, a
 * future's done callbacks) takes two: the callback, then its packed arguments (see
 * call-args.ts). Nothing can cancel such a call or name its handle, so CPython's
 * Handle object would be made only to be thrown away: here none is made at all. The
 * first slot tells the kinds apart, as a handle is never a function.
 * @internal
 */
import type { Callback, Handle } from "./events";

export class ReadyQueue {
  /** Slots; capacity is a power of two so `& mask` wraps an index. */
  private _items: unknown[];
  private _mask: number;
  /** Index of the first slot in use. */
  private _head = 0;
  /** Number of slots in use (a call takes two, a handle one). */
  size = 0;

  constructor() {
    this._items = ReadyQueue._slots(16);
    this._mask = 15;
  }

  /** `n` empty slots, allocated at their final size (pushing one by one regrows the array). */
  private static _slots(n: number): unknown[] {
    return new Array<unknown>(n).fill(null);
  }

  /** Append a handle at the back (one slot). */
  push(handle: Handle): void {
    if (this.size > this._mask) this._grow();
    this._items[(this._head + this.size) & this._mask] = handle;
    this.size++;
  }

  /** Append a call `cb(arg)` (two slots: no Handle made). */
  pushCall(cb: Callback, arg: unknown): void {
    if (this.size + 1 > this._mask) this._grow();
    const at = this._head + this.size;
    this._items[at & this._mask] = cb;
    this._items[(at + 1) & this._mask] = arg;
    this.size += 2;
  }

  /**
   * Take the slot at the front (the queue must not be empty): a Handle, or the callback
   * of a call, whose argument is then the next slot to take.
   */
  shift(): unknown {
    const items = this._items;
    const head = this._head;
    const item = items[head];
    items[head] = null;
    this._head = (head + 1) & this._mask;
    this.size--;
    return item;
  }

  /**
   * The handle in the i-th slot from the front. Only where a handle is known to sit:
   * timers just moved in, or any slot while an observer watches (every entry is then a
   * handle, see `EventLoop._callSoon`).
   */
  at(i: number): Handle {
    return this._items[(this._head + i) & this._mask] as Handle;
  }

  /** Drop every entry. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this._items[(this._head + i) & this._mask] = null;
    this._head = 0;
    this.size = 0;
  }

  /** Double the capacity, keeping the order. */
  private _grow(): void {
    const old = this._items;
    const items = ReadyQueue._slots(old.length * 2);
    for (let i = 0; i < this.size; i++) items[i] = old[(this._head + i) & this._mask];
    this._items = items;
    this._mask = items.length - 1;
    this._head = 0;
  }
}
