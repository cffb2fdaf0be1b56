/**
 * The ready queue: handles waiting to run, first in, first out (CPython's `_ready`
 * deque). A ring buffer with a head index: taking from the front never shifts the
 * array, and a steady workload reuses the same array instead of allocating new ones.
 * @internal
 */
import type { Handle } from "./events";

export class ReadyQueue {
  /** Slots; capacity is a power of two so `& mask` wraps an index. */
  private _items: (Handle | null)[];
  private _mask: number;
  /** Index of the first handle. */
  private _head = 0;
  /** Number of handles queued. */
  size = 0;

  constructor() {
    this._items = ReadyQueue._slots(16);
    this._mask = 15;
  }

  /** `n` empty slots, allocated at their final size (pushing one by one regrows the array). */
  private static _slots(n: number): (Handle | null)[] {
    return new Array<Handle | null>(n).fill(null);
  }

  /** Append a handle at the back. */
  push(handle: Handle): void {
    if (this.size > this._mask) this._grow();
    this._items[(this._head + this.size) & this._mask] = handle;
    this.size++;
  }

  /** Take the handle at the front (the queue must not be empty). */
  shift(): Handle {
    const items = this._items;
    const head = this._head;
    const handle = items[head] as Handle;
    items[head] = null;
    this._head = (head + 1) & this._mask;
    this.size--;
    return handle;
  }

  /** The i-th queued handle from the front, for observers. */
  at(i: number): Handle {
    return this._items[(this._head + i) & this._mask] as Handle;
  }

  /** Drop every handle. */
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
