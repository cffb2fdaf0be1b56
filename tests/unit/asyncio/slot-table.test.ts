import { describe, expect, it } from "vitest";
import { SlotTable } from "../../../src/asyncio/slot-table";

interface Box { n: number }

describe("SlotTable (the timer heap's timers by slot)", () => {
  it("hands out slots in order across page boundaries and reads back what was put", () => {
    const table = new SlotTable<Box>();
    const boxes = Array.from({ length: 2500 }, (_, n) => ({ n }));
    boxes.forEach((box, i) => expect(table.append(box)).toBe(i));
    expect(table.length).toBe(2500);
    for (const i of [0, 1023, 1024, 1025, 2047, 2048, 2499]) expect(table.get(i)).toBe(boxes[i]);
    table.set(1024, null);
    expect(table.get(1024)).toBeNull();
    expect(table.has(1024, boxes[1024])).toBe(false);
    table.set(1024, boxes[7]);
    expect(table.has(1024, boxes[7])).toBe(true);
    expect(table.has(1023, boxes[7])).toBe(false);
  });

  it("answers has() for any slot, also past the end and after clear()", () => {
    const table = new SlotTable<Box>();
    const box = { n: 1 };
    const slot = table.append(box);
    expect(table.has(slot, box)).toBe(true);
    expect(table.has(5000, box)).toBe(false);
    table.clear();
    expect(table.length).toBe(0);
    expect(table.has(slot, box)).toBe(false);
    expect(table.append(box)).toBe(0);
  });

  it("copies into an independent table", () => {
    const table = new SlotTable<Box>();
    const boxes = Array.from({ length: 1500 }, (_, n) => ({ n }));
    for (const box of boxes) table.append(box);
    const copy = table.copy();
    table.set(3, null);
    table.set(1400, null);
    expect(copy.get(3)).toBe(boxes[3]);
    expect(copy.get(1400)).toBe(boxes[1400]);
    expect(copy.length).toBe(1500);
    expect(copy.append(boxes[0])).toBe(1500);
    expect(table.length).toBe(1500);
  });
});
