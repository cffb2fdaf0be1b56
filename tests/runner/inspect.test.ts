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
    // No message, no separator: as Error.prototype.toString writes it (and Node's first stack line).
    expect(formatArgs([new TypeError()])).toBe("TypeError");
    expect(formatArgs([new TypeError()])).toBe(String(new TypeError()));
  });

  it("prints a generator object (a coroutine) as Node does, by its kind", () => {
    function* work(): Generator<number> {
      yield 1;
    }
    async function* stream(): AsyncGenerator<number> {
      yield 1;
    }
    expect(formatArgs([work()])).toBe("Object [Generator] {}");
    expect(formatArgs([[work()], { s: stream() }])).toBe("[ Object [Generator] {} ] { s: Object [AsyncGenerator] {} }");
  });

  it("shows accessors without running them, as Node does", () => {
    let ran = false;
    const value = {
      g: 1,
      get x() {
        ran = true;
        return "getter ran";
      },
      set y(_: unknown) {},
      get z() {
        return 1;
      },
      set z(_: unknown) {},
    };
    expect(formatArgs([value])).toBe(node(value));
    expect(ran).toBe(false);
  });

  it("marks cycles with <ref *1> and [Circular *1], as Node does", () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    a.arr = [a];
    expect(formatArgs([a])).toBe(node(a));
    const b: Record<string, unknown> = {};
    b.c = { b };
    expect(formatArgs([{ b }])).toBe(node({ b }));
  });

  it("cuts big values as Node does: 100 items, 10,000 characters inside a value", () => {
    const set = new Set(Array.from({ length: 102 }, (_, i) => i));
    const map = new Map(Array.from({ length: 102 }, (_, i) => [i, i]));
    const long = { s: "x".repeat(10_005) };
    for (const v of [set, map, long]) expect(formatArgs([v])).toBe(node(v));
    const huge = formatArgs([new Array(1e7).fill(1)]);
    expect(huge.endsWith(", 1, ... 9999900 more items ]")).toBe(true);
    expect(huge.length).toBeLessThan(400);
  });

  it("never throws: a revoked proxy or a throwing trap prints a plain description", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(formatArgs([proxy])).toBe("[object]");
    const trap = new Proxy({}, { ownKeys: () => { throw new Error("no"); } });
    expect(formatArgs(["v", trap])).toBe("v [object Object]");
  });

  it("survives a cycle", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    expect(formatArgs([a])).toBe("<ref *1> { name: 'a', self: [Circular *1] }");
  });
});
