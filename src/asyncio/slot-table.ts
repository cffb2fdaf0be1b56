/**
 * The timer heap's table of timers by slot (see heap.ts): where a waiting timer sits
 * while the heap sifts only its (deadline, slot) pair.
 *
 * The table is a list of pages of 1,024 slots, never one long array. A long array
 * grown by `push` is copied each time it outgrows its storage: in a w5 run (200k
 * timers; bench/FINDINGS.md) those copies were about 17 bytes per timer of garbage for
 * the young generation, whose filling up is what makes the collector copy the waiting
 * timers. A page, once made, is never copied or replaced, so the table allocates
 * 8 bytes per slot and nothing else.
 * @internal
 */

/** Slots per page (a power of two, so a slot splits into page and index with a shift). */
const PAGE_BITS = 10;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

/**
 * Items by slot number, slots handed out in order from 0.
 * @example
 * const table = new SlotTable<TimerHandle>();
 * const slot = table.append(timer); // 0
 * table.get(slot) === timer;        // true
 * table.set(slot, null);
 * @internal
 */
export class SlotTable<T extends object> {
  /** How many slots have been handed out (the next `append` gets this one). */
  length = 0;
  private _pages: (T | null)[][] = [];

  /** The item in `slot` (null if the slot was emptied); `slot` must be below `length`. */
  get(slot: number): T | null {
    return this._pages[slot >> PAGE_BITS][slot & PAGE_MASK];
  }

  /** True if `slot` holds `item`; any number may be asked, also after `clear()`. */
  has(slot: number, item: T): boolean {
    const page = this._pages[slot >> PAGE_BITS];
    return page !== undefined && page[slot & PAGE_MASK] === item;
  }

  /** Put `item` (or null) in a slot already handed out. */
  set(slot: number, item: T | null): void {
    this._pages[slot >> PAGE_BITS][slot & PAGE_MASK] = item;
  }

  /** Put `item` in a new slot at the end; returns the slot. */
  append(item: T): number {
    const slot = this.length++;
    const index = slot & PAGE_MASK;
    // A page made at full size at once, filled with null: no copy as it fills.
    if (index === 0) this._pages.push(new Array<T | null>(PAGE_SIZE).fill(null));
    this._pages[slot >> PAGE_BITS][index] = item;
    return slot;
  }

  /** Forget every slot. */
  clear(): void {
    this._pages = [];
    this.length = 0;
  }

  /** An independent copy (the same items in the same slots). */
  copy(): SlotTable<T> {
    const out = new SlotTable<T>();
    out.length = this.length;
    out._pages = this._pages.map((page) => page.slice());
    return out;
  }
}
