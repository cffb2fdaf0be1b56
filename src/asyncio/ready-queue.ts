/**
 * The ready queue: what waits to run, first in, first out (CPython's `_ready`
 * deque). Like CPython's deque, it is a list of blocks: entries are appended to the
 * last block and taken from the first, a block that empties is kept for reuse, and a
 * queue that grows only adds blocks, each twice the size of the one before up to
 * `MAX_BLOCK` slots. Nothing is ever copied: a queue that grows to a million entries in
 * one go no longer copies its array at each doubling (nor fills the new one first), and
 * its big blocks go straight to the engine's large-object space, where the young
 * generation's collections do not copy them again.
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

/** Slots in a new queue's first block (a loop that queues little stays small). */
const FIRST_BLOCK = 16;
/** Slots in the largest block: 128 KB, above the engines' large-object threshold. */
const MAX_BLOCK = 16384;

/** One block of slots, linked to the next. */
class Block {
  readonly items: unknown[];
  next: Block | null = null;
  constructor(size: number) {
    this.items = new Array<unknown>(size).fill(null);
  }
}

/**
 * A FIFO queue of slots in linked blocks.
 * Invariant: the entries are the slots from `_headIndex` in `_head` up to (not
 * including) `_tailIndex` in `_tail`, following `next`; `size` counts them. An empty
 * queue has `_head === _tail` and `_headIndex === _tailIndex`.
 * @example
 * const q = new ReadyQueue();
 * q.push(handle);
 * q.shift() === handle; // true
 */
export class ReadyQueue {
  private _head = new Block(FIRST_BLOCK);
  private _headIndex = 0;
  private _tail: Block;
  private _tailIndex = 0;
  /** Slots in the last block made. */
  private _blockSize = FIRST_BLOCK;
  /** An emptied block kept for the next one needed (a steady queue allocates nothing). */
  private _spare: Block | null = null;
  /** Number of slots in use (a call takes two, a handle one). */
  size = 0;

  constructor() {
    this._tail = this._head;
  }

  /** Append a handle at the back (one slot). */
  push(handle: Handle): void {
    if (this._tailIndex === this._tail.items.length) this._addBlock();
    this._tail.items[this._tailIndex++] = handle;
    this.size++;
  }

  /** Append a call `cb(arg)` (two slots: no Handle made). */
  pushCall(cb: Callback, arg: unknown): void {
    if (this._tailIndex === this._tail.items.length) this._addBlock();
    this._tail.items[this._tailIndex++] = cb;
    if (this._tailIndex === this._tail.items.length) this._addBlock();
    this._tail.items[this._tailIndex++] = arg;
    this.size += 2;
  }

  /**
   * Take the slot at the front (the queue must not be empty): a Handle, or the callback
   * of a call, whose argument is then the next slot to take.
   */
  shift(): unknown {
    const items = this._head.items;
    const i = this._headIndex;
    const item = items[i];
    items[i] = null;
    this.size--;
    if (i + 1 !== items.length) this._headIndex = i + 1;
    else this._dropHead();
    return item;
  }

  /** The first block is used up: start over in it if the queue is empty, else move on. */
  private _dropHead(): void {
    const block = this._head;
    if (this.size === 0) {
      // Then the last block is this one: start over at its first slot.
      this._headIndex = this._tailIndex = 0;
      return;
    }
    this._head = block.next as Block;
    this._headIndex = 0;
    block.next = null;
    if (this._spare === null || block.items.length >= this._spare.items.length) this._spare = block;
  }

  /**
   * Call `fn` with each slot from the `start`-th from the front to the back. Only where
   * handles are known to sit: every slot while an observer watches (every entry is
   * then a handle, see `EventLoop._callSoon`).
   */
  forEachFrom(start: number, fn: (handle: Handle) => void): void {
    if (start >= this.size) return; // (the next block may not exist yet)
    let block = this._head;
    let i = this._headIndex + start;
    while (i >= block.items.length) {
      i -= block.items.length;
      block = block.next as Block;
    }
    for (let n = this.size - start; n > 0; n--) {
      if (i === block.items.length) {
        block = block.next as Block;
        i = 0;
      }
      fn(block.items[i++] as Handle);
    }
  }

  /** Drop every entry. */
  clear(): void {
    while (this.size > 0) this.shift();
  }

  /** Link a block at the back: the spare one, else a new one twice the last one's size. */
  private _addBlock(): void {
    const block = this._spare ?? new Block(this._blockSize = Math.min(this._blockSize * 2, MAX_BLOCK));
    this._spare = null;
    this._tail.next = block;
    this._tail = block;
    this._tailIndex = 0;
  }
}
