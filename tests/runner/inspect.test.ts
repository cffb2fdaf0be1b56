/**
 * console.log in the sandbox prints what Node prints (the examples' expected output is
 * checked under tsx), for the shapes examples use.
 */
import { describe, expect, it } from "vitest";
import { formatWithOptions } from "node:util";
import { formatArgs } from "../../src/runner/inspect";

const node = (...args: unknown[]): string => formatWithOptions({ breakLength: Infinity }, ...args);

describe("formatArgs", () => {
  const cases: unknown[][] = [
    ["plain text"],
    ["a", 1, "b", 2.5],
    [-0],
    [1n],
    [true, false, null, undefined],
    [[1, 2, 3]],
    [[]],
    [["x", "it's", 'say "hi"']],
    [{ a: 1, b: "two", "not-ident": [1, { deep: true }] }],
    [{}],
    [new Map([["k", 1]])],
    [new Set([1, "a"])],
    [[1, , 3]],
    [{ nested: { deeper: { deepest: { gone: 1 } } } }],
    ["%s is %d years and %i days", "Bob", 42.5, 3.9],
    ["100%% sure", "extra"],
    [Symbol("s")],
    [function named() {}],
    [() => 0],
    [class Klass {}],
  ];
  for (const args of cases) {
    it(node(...args), () => {
      expect(formatArgs(args)).toBe(node(...args));
    });
  }

  it("prints an object's own toString (the library's Python reprs)", () => {
    class Future {
      toString(): string {
        return "<Future pending>";
      }
    }
    expect(formatArgs([new Future()])).toBe("<Future pending>");
  });

  it("prints an error as Name: message, without the sandbox's stack", () => {
    const e = new RangeError("too far");
    expect(formatArgs([e])).toBe("RangeError: too far");
  });

  it("survives a cycle", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(formatArgs([a])).toBe("{ name: 'a', self: [Circular *1] }");
  });
});
