/**
 * An error holding others (a cause, an exception group) is reported as CPython prints
 * it. Without frames the two can be compared line for line: python3 formats the same
 * structure with `traceback.format_exception`; with frames, the layout of the margin and
 * the boxes is CPython's output for a failed TaskGroup, its source lines left out (the
 * TypeScript twin's tracebacks name lines; they do not quote them).
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { chainedReport, holdsOthers, type ErrorTree } from "../../src/runner/exception-report";
import type { Frame } from "../../src/runner/protocol";
import { findPython } from "../harness/python";

const python = findPython();

const err = (name: string, message: string, more: Partial<ErrorTree> = {}): ErrorTree => ({ name, message, frames: [], ...more });
const group = (message: string, members: ErrorTree[], more: Partial<ErrorTree> = {}): ErrorTree =>
  err("ExceptionGroup", `${message} (${members.length} sub-exception${members.length === 1 ? "" : "s"})`, { exceptions: members, ...more });

/** What python3 prints for the exception `expression` builds (no traceback: nothing was raised). */
function cpython(expression: string): string[] {
  const program = `import traceback\ne = ${expression}\nprint("".join(traceback.format_exception(e)), end="")`;
  return execFileSync(python!, ["-c", program], { encoding: "utf8" }).replace(/\n$/, "").split("\n");
}

describe.skipIf(!python)("errors holding others, against python3", () => {
  it("prints a cause first, then 'The above exception was the direct cause…'", () => {
    const chained = err("RuntimeError", "could not parse", { cause: err("ValueError", "bad digit", { cause: err("KeyError", "'k'") }) });
    expect(chainedReport(chained)).toEqual(
      cpython(`RuntimeError("could not parse")\ne.__cause__ = ValueError("bad digit")\ne.__cause__.__cause__ = KeyError("k")`),
    );
  });

  it("boxes a group's members, numbered, nested groups indented, a member's cause inside its box", () => {
    const tree = group("outer", [
      err("ValueError", "a"),
      group("inner", [err("TypeError", "b"), err("ValueError", "c", { cause: err("OSError", "d") })]),
      err("ValueError", "e"),
    ]);
    expect(chainedReport(tree)).toEqual(
      cpython(`ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")]), ValueError("e")])\ne.exceptions[1].exceptions[1].__cause__ = OSError("d")`),
    );
  });

  it("shows 15 members and says how many more, as CPython does", () => {
    const members = Array.from({ length: 15 }, (_, i) => err("ValueError", String(i)));
    const tree = err("ExceptionGroup", "many (18 sub-exceptions)", { exceptions: members, more: 3 });
    expect(chainedReport(tree)).toEqual(cpython(`ExceptionGroup("many", [ValueError(str(i)) for i in range(18)])`));
  });
});

describe("a failed TaskGroup, with frames", () => {
  const at = (line: number, fn: string): Frame => ({ file: "example.ts", line, column: 1, function: fn });

  it("lays out the margin and the boxes as CPython 3.11 does", () => {
    const tree = group(
      "unhandled errors in a TaskGroup",
      [err("ValueError", "first", { frames: [at(3, "bad")] }), err("TypeError", "type trouble", { frames: [at(5, "bad2")] })],
      { frames: [at(10, "<module>"), at(7, "main")] },
    );
    expect(holdsOthers(tree)).toBe(true);
    expect(holdsOthers(err("ValueError", "x"))).toBe(false);
    // python3 on the same program (its library frames and source lines aside).
    expect(chainedReport(tree)).toEqual([
      "  + Exception Group Traceback (most recent call last):",
      '  |   File "example.ts", line 10, in <module>',
      '  |   File "example.ts", line 7, in main',
      "  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)",
      "  +-+---------------- 1 ----------------",
      "    | Traceback (most recent call last):",
      '    |   File "example.ts", line 3, in bad',
      "    | ValueError: first",
      "    +---------------- 2 ----------------",
      "    | Traceback (most recent call last):",
      '    |   File "example.ts", line 5, in bad2',
      "    | TypeError: type trouble",
      "    +------------------------------------",
    ]);
  });
});
