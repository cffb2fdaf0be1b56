// The timer heap (heap.ts), seen through the loop: deadline order, ties, cancelled timers.
import { afterEach, describe, expect, it, vi } from "vitest";
import * as asyncio from "asyncio";
import { TimerHeap } from "../../../src/asyncio/heap";
import { virtualLoop } from "./helpers";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("timer heap", () => {
  it("orders timers with equal deadlines exactly as CPython 3.11's heapq does", async () => {
    const loop = virtualLoop();
    const out: number[] = [];
    [1, 1, 1, 1, 1, 0.5, 1, 2, 1, 1].forEach((when, i) => loop.callAt(when, () => out.push(i)));
    loop.callAt(3, () => loop.stop());
    await loop.runForever();
    // Printed by CPython 3.11.7 for the same calls (tests/harness/run_virtual.py).
    expect(out).toEqual([5, 0, 6, 2, 9, 8, 1, 4, 3, 7]);
    loop.close();
  });

  it("skips cancelled timers and keeps the tie order of the rest", async () => {
    const loop = virtualLoop();
    const out: number[] = [];
    const hs = [0, 1, 2, 3, 4, 5].map((i) => loop.callLater(1, () => out.push(100 + i)));
    hs[2].cancel();
    hs[0].cancel();
    loop.callLater(2, () => loop.stop());
    await loop.runForever();
    // CPython 3.11.7 prints [105, 101, 103, 104] for the same calls.
    expect(out).toEqual([105, 101, 103, 104]);
    loop.close();
  });

  it("sweeps cancelled timers out of the heap when more than half of over 100 are cancelled", async () => {
    const loop = virtualLoop();
    const hs = Array.from({ length: 200 }, (_, i) => loop.callLater(10 + i, () => {}));
    for (let i = 0; i < 150; i++) hs[i].cancel();
    expect(loop._scheduled.length).toBe(200);
    loop.callSoon(() => loop.stop());
    await loop.runForever();
    expect(loop._scheduled.length).toBe(50);
    expect(hs[0]._scheduled).toBe(false);
    expect(hs[199]._scheduled).toBe(true);
    loop.close();
  });

  it("advances the virtual clock by exactly the select timeout", async () => {
    const loop = virtualLoop();
    const times: number[] = [];
    const step = (): void => {
      times.push(loop.time());
      if (times.length < 4) loop.callLater(0.1, step);
      else loop.stop();
    };
    loop.callSoon(step);
    await loop.runForever();
    let t = 0;
    const expected = [0];
    for (let i = 0; i < 3; i++) expected.push((t = Math.min(Math.max(0, t + 0.1 - t), 86400) + t));
    expect(times).toEqual(expected);
    expect(times[3]).toBe(0.30000000000000004);
    loop.close();
  });

  it("waits at most a day per turn", async () => {
    const loop = virtualLoop();
    let fired = -1;
    loop.callLater(3 * 86400 + 5, () => { fired = loop.time(); loop.stop(); });
    const turns: number[] = [];
    const probe = (): void => { turns.push(loop.time()); };
    loop.callSoon(probe);
    await loop.runForever();
    expect(fired).toBe(3 * 86400 + 5);
    expect(loop._iteration).toBe(5); // probe turn, three one-day waits, then the timer's turn
    loop.close();
  });
});

// heapq itself, transcribed from CPython's Lib/heapq.py over {when, id} items compared
// by `when` alone (as TimerHandle.__lt__ does): the model the TimerHeap must match.
interface Item { when: number; id: number }
/** Where the heap reads an item's deadline: a page of one number. */
const at = (item: Item): [Float64Array, number] => [Float64Array.of(item.when), 0];
class HeapqModel {
  heap: Item[] = [];
  push(item: Item): void {
    this.heap.push(item);
    this.siftdown(0, this.heap.length - 1);
  }
  pop(): Item {
    const last = this.heap.pop() as Item;
    if (this.heap.length === 0) return last;
    const first = this.heap[0];
    this.heap[0] = last;
    this.siftup(0);
    return first;
  }
  heapify(): void {
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.siftup(i);
  }
  private siftdown(startpos: number, pos: number): void {
    const newitem = this.heap[pos];
    while (pos > startpos) {
      const parentpos = (pos - 1) >> 1;
      const parent = this.heap[parentpos];
      if (newitem.when < parent.when) {
        this.heap[pos] = parent;
        pos = parentpos;
        continue;
      }
      break;
    }
    this.heap[pos] = newitem;
  }
  private siftup(pos: number): void {
    const endpos = this.heap.length;
    const startpos = pos;
    const newitem = this.heap[pos];
    let childpos = 2 * pos + 1;
    while (childpos < endpos) {
      const rightpos = childpos + 1;
      if (rightpos < endpos && !(this.heap[childpos].when < this.heap[rightpos].when)) childpos = rightpos;
      this.heap[pos] = this.heap[childpos];
      pos = childpos;
      childpos = 2 * pos + 1;
    }
    this.heap[pos] = newitem;
    this.siftdown(startpos, pos);
  }
}

describe("TimerHeap against heapq", () => {
  it("keeps heapq's exact layout through pushes, pops, popDue, filter and sorted (many ties)", () => {
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed % n;
    };
    const heap = new TimerHeap<Item>();
    const model = new HeapqModel();
    const ids = (items: Item[]): number[] => items.map((it) => it.id);
    let nextId = 0;
    let checked = 0;
    for (let step = 0; step < 6000; step++) {
      const op = rand(10);
      if (op < 5 || heap.size === 0) {
        // Deadlines from a small set, so that ties are common.
        const item = { when: rand(40) / 4, id: nextId++ };
        const slot = heap.push(item, ...at(item));
        expect(heap.holds(slot, item)).toBe(true);
        model.push(item);
      } else if (op < 7) {
        expect(heap.pop().id).toBe(model.pop().id);
      } else if (op < 9) {
        const end = rand(40) / 4;
        const got: Item[] = [];
        heap.popDue(end, got);
        const want: Item[] = [];
        while (model.heap.length > 0 && model.heap[0].when < end) want.push(model.pop());
        expect(ids(got)).toEqual(ids(want));
      } else {
        const drop = rand(3);
        const keep = (it: Item): boolean => it.id % 3 !== drop;
        heap.filter(keep);
        model.heap = model.heap.filter(keep);
        model.heapify();
      }
      expect(heap.size).toBe(model.heap.length);
      expect(ids(heap.items)).toEqual(ids(model.heap));
      if (heap.size > 0) expect(heap.peekWhen()).toBe(model.heap[0].when);
      checked++;
    }
    const copy = new HeapqModel();
    copy.heap = model.heap.slice();
    const order: Item[] = [];
    while (copy.heap.length > 0) order.push(copy.pop());
    expect(ids(heap.sorted())).toEqual(ids(order));
    expect(ids(heap.items)).toEqual(ids(model.heap)); // sorted() left the heap as it was
    expect(checked).toBe(6000);
  });

  it("frees a slot when its timer leaves and gives it to the next timer", () => {
    const heap = new TimerHeap<Item>();
    const a = { when: 1, id: 1 };
    const b = { when: 2, id: 2 };
    const slotA = heap.push(a, ...at(a));
    heap.push(b, ...at(b));
    expect(heap.pop()).toBe(a);
    expect(heap.holds(slotA, a)).toBe(false);
    const c = { when: 0, id: 3 };
    expect(heap.push(c, ...at(c))).toBe(slotA); // reused
    expect(heap.holds(slotA, a)).toBe(false);
    expect(heap.holds(slotA, c)).toBe(true);
    heap.clear();
    expect(heap.holds(slotA, c)).toBe(false);
    expect(heap.size).toBe(0);
  });
});

describe("a timer's deadline and its place in the heap", () => {
  it("keeps when() exact for many timers, before and after they run", async () => {
    const loop = virtualLoop();
    const whens = Array.from({ length: 3000 }, (_, i) => 0.1 + i / 7); // on three pages
    const hs = whens.map((w) => loop.callAt(w, () => {}));
    expect(hs.map((h) => h.when())).toEqual(whens);
    loop.callAt(1000, () => loop.stop());
    await loop.runForever();
    expect(hs.map((h) => h.when())).toEqual(whens);
    expect(hs.every((h) => !h._scheduled)).toBe(true);
    loop.close();
  });

  it("a timer that fell due in this turn no longer counts as waiting when an earlier callback cancels it", async () => {
    const loop = virtualLoop();
    let later: asyncio.TimerHandle | null = null;
    const ran: string[] = [];
    loop.callAt(1, () => {
      ran.push("first");
      expect(later?._scheduled).toBe(false); // popped with it, before anything ran
      later?.cancel();
    });
    later = loop.callAt(1, () => ran.push("second"));
    const waiting = loop.callAt(5, () => ran.push("third"));
    loop.callAt(6, () => loop.stop());
    expect(later._scheduled).toBe(true);
    await loop.runForever();
    // CPython: _timer_handle_cancelled counts only timers still in the heap.
    expect(ran).toEqual(["first", "third"]);
    expect(loop._timerCancelledCount).toBe(0);
    expect(waiting._scheduled).toBe(false);
    loop.close();
  });
});
