import { describe, expect, it } from "vitest";
import { _repr, _str } from "../../../src/asyncio/coroutines";
import { ValueError } from "../../../src/asyncio/exceptions";

describe("values in messages and reprs, as Python shows their twins", () => {
  it("shows null and undefined as None, booleans as True and False, odd numbers as Python's", () => {
    expect([null, undefined, true, false, 3, 2.5, NaN, Infinity, -Infinity].map((v) => _repr(v))).toEqual([
      "None", "None", "True", "False", "3", "2.5", "nan", "inf", "-inf",
    ]);
  });

  it("shows arrays as lists, plain objects and Maps as dicts, Sets as sets", () => {
    expect(_repr([1, "a", null, [true]])).toBe("[1, 'a', None, [True]]");
    expect(_repr({ a: 1, "it's": [null] })).toBe(`{'a': 1, "it's": [None]}`);
    expect(_repr(new Map<unknown, unknown>([["k", 1], [2, false]]))).toBe("{'k': 1, 2: False}");
    expect(_repr(new Set())).toBe("set()");
    expect(_repr(new Set([1, "x"]))).toBe("{1, 'x'}");
    expect(_repr(Object.create(null))).toBe("{}");
  });

  it("keeps reprlib's limits when short: 30 characters, 6 list items, 4 dict items", () => {
    expect(_repr("x".repeat(40), true)).toBe(`'${"x".repeat(12)}...${"x".repeat(13)}'`);
    expect(_repr([1, 2, 3, 4, 5, 6, 7], true)).toBe("[1, 2, 3, 4, 5, 6, ...]");
    expect(_repr({ a: 1, b: 2, c: 3, d: 4, e: 5 }, true)).toBe("{'a': 1, 'b': 2, 'c': 3, 'd': 4, ...}");
  });

  it("shows errors by name and message, objects by their own toString or their class", () => {
    expect(_repr(new ValueError("bad"))).toBe("ValueError('bad')");
    expect(_repr(new ValueError())).toBe("ValueError()");
    class Thing {}
    expect(_repr(new Thing())).toBe("<Thing object>");
    expect(_repr({ toString: () => "custom" })).toBe("custom");
    expect(_str("as is")).toBe("as is");
    expect(_str(null)).toBe("None");
  });
});
