/**
 * Data across the worker boundary, worded in one place: limits, paths, tracebacks and
 * the page's bilingual messages are built from structured values, never parsed text.
 */
import { describe, expect, it } from "vitest";
import { characterColumn } from "../../src/runner/bundler";
import { groupDigits, isLimitName, limitWords, RUN_LIMITS } from "../../src/runner/limits";
import { runnerPaths } from "../../src/runner/paths";
import { frameLines, tracebackLines } from "../../src/runner/traceback";
import { endState, endWords, errorAt, failureWords, hintWords, mistakeHint, problemHint, problemWords, warningAt, warningHint } from "../../src/components/example/messages";

describe("run limits table", () => {
  it("names each limit's value, message and test", () => {
    expect(RUN_LIMITS.lines.over(RUN_LIMITS.lines.value)).toBe(false);
    expect(RUN_LIMITS.lines.over(RUN_LIMITS.lines.value + 1)).toBe(true);
    expect(limitWords("lines")).toEqual({ key: "limitLines", values: { lines: "10,000" } });
    expect(isLimitName("time")).toBe(true);
    expect(isLimitName("toString")).toBe(false);
  });

  it("groups digits as en-US does, without Intl", () => {
    const values = [0, 7, 42, 999, 1000, 10_000, 99_999, 100_000, 1_000_000, 49_990_000, 123_456_789, 2 ** 31, Number.MAX_SAFE_INTEGER, -1, -1234, -999_999];
    for (const n of values) expect(groupDigits(n)).toBe(n.toLocaleString("en-US"));
    expect(groupDigits(1_234_567.9)).toBe("1,234,567");
  });
});

describe("runner paths", () => {
  it("builds every _runner/ address under the base, stamped", () => {
    const p = runnerPaths("/notes", "b 1");
    expect(p.sandbox()).toBe("/notes/_runner/sandbox.js?v=b%201");
    expect(p.prebuilt("hello-asyncio", "ab12")).toBe("/notes/_runner/examples/hello-asyncio.js?v=ab12-b%201");
    expect(p.source("x")).toBe("/notes/_runner/examples/x.ts?v=b%201");
    expect(p.wasm("0.28.2")).toBe("/notes/_runner/esbuild-0.28.2.wasm");
  });
});

describe("errors as data", () => {
  const error = {
    name: "ValueError",
    message: "bad",
    frames: [
      { file: "example.ts", line: 9, column: 1, function: "<module>" },
      { file: "example.ts", line: 3, column: 9, function: "main" },
    ],
  };

  it("turns frames into Python's traceback, outermost first", () => {
    expect(tracebackLines(error)).toEqual([
      "Traceback (most recent call last):",
      '  File "example.ts", line 9, in <module>',
      '  File "example.ts", line 3, in main',
      "ValueError: bad",
    ]);
    expect(tracebackLines({ name: null, message: "{ a: 1 }", frames: [] })).toEqual(["Uncaught { a: 1 }"]);
    expect(errorAt(error)).toEqual({ at: { line: 3, column: 9 }, summary: "ValueError: bad" });
  });

  it("reads the reader's line from a warning CPython printed with it, and nothing from other lines", () => {
    expect(warningAt("example.py:7: RuntimeWarning: coroutine 'f' was never awaited")).toEqual({
      at: { line: 7, column: 1 },
      summary: "RuntimeWarning: coroutine 'f' was never awaited",
    });
    expect(warningAt("example.py:2: DeprecationWarning: There is no current event loop")?.at.line).toBe(2);
    expect(warningAt("  f()")).toBeNull();
    expect(warningAt("RuntimeWarning: Enable tracemalloc to get the object allocation traceback")).toBeNull();
    expect(warningAt("/lib/python3.11/asyncio/events.py:80: RuntimeWarning: x")).toBeNull();
  });

  it("sums up a recursion's repeated frames as CPython's traceback does", () => {
    const f = (line: number, fn = "f") => ({ file: "example.ts", line, column: 3, function: fn });
    const frame = (line: number, fn = "f") => `  File "example.ts", line ${line}, in ${fn}`;
    expect(frameLines([f(9, "main"), ...Array(10).fill(f(2))])).toEqual([frame(9, "main"), frame(2), frame(2), frame(2), "  [Previous line repeated 7 more times]"]);
    expect(frameLines(Array(4).fill(f(2)))).toEqual([frame(2), frame(2), frame(2), "  [Previous line repeated 1 more time]"]);
    expect(frameLines([...Array(3).fill(f(2)), f(5)])).toEqual([frame(2), frame(2), frame(2), frame(5)]);
    // Alternating frames are not a repeat of one line.
    expect(frameLines([f(2), f(3), f(2), f(3), f(2)])).toHaveLength(5);
  });

  it("explains a stack overflow in both languages, naming CPython's limit and gather(...coros)", () => {
    const words = hintWords({ name: "RangeError", message: "Maximum call stack size exceeded", frames: [], hint: "stack" });
    expect(words?.("en")).toContain("CPython raises RecursionError past 1,000 levels");
    expect(words?.("en")).toContain("gather(...coros)");
    expect(words?.("ko")).toContain("RecursionError");
    expect(words?.("ko")).toMatch(/호출 스택이 넘쳤습니다/);
    expect(hintWords({ name: "RangeError", message: "Invalid array length", frames: [] })).toBeNull();
  });

  it("explains CPython's never-awaited warning, from where the program printed it or from its exit", () => {
    for (const text of ["example.py:3: RuntimeWarning: coroutine 'sleep' was never awaited", "sys:1: RuntimeWarning: coroutine 'inner' was never awaited"]) {
      const name = /'(\w+)'/.exec(text)![1];
      const words = warningHint(text);
      expect(words?.("en")).toMatch(new RegExp(`^The coroutine ${name}\\(\\) was made but never awaited: .*asyncio\\.create_task\\(\\)\\.$`));
      expect(words?.("ko")).toMatch(new RegExp(`^${name}\\(\\) 코루틴을 만들기만 하고 await하지 않았습니다\\.`));
    }
    expect(warningHint("  asyncio.sleep(1)")).toBeNull();
    expect(warningHint("RuntimeWarning: Enable tracemalloc to get the object allocation traceback")).toBeNull();
  });

  it("explains asyncio.run() called inside a coroutine, from the error alone, in both languages", () => {
    const nested = { name: "RuntimeError", message: "asyncio.run() cannot be called from a running event loop", frames: [] };
    expect(mistakeHint(nested)?.("en")).toMatch(/^Inside a coroutine, wait for another coroutine with await \(yield\* in the TypeScript twin\)/);
    expect(mistakeHint(nested)?.("ko")).toMatch(/^코루틴 안에서는 다른 코루틴을 asyncio\.run\(\)에 넘기지 말고/);
    expect(mistakeHint({ ...nested, message: "Event loop is closed" })).toBeNull();
    expect(mistakeHint({ ...nested, name: "ValueError" })).toBeNull();
    // Raised with no task running (a module's top level): the earlier asyncio.run() was not awaited.
    const top = { ...nested, frames: [{ file: "example.ts", line: 9, column: 1, function: "<module>" }], outsideTask: true as const };
    expect(mistakeHint(top)?.("en")).toMatch(/^At the top level, asyncio\.run\(\) returns a Promise here and must be awaited/);
    expect(mistakeHint(top)?.("ko")).toMatch(/^최상위에서 부른 asyncio\.run\(\)은 여기서 Promise를 돌려주므로/);
    // An anonymous coroutine's frame is named <module> too; the task running decides.
    expect(mistakeHint({ ...top, outsideTask: undefined })?.("en")).toMatch(/^Inside a coroutine/);
  });

  it("explains the Instant clock's deadlock, which CPython would never report, in both languages", () => {
    const stuck = { name: "RuntimeError", message: "virtual clock: deadlock (nothing ready and no timer scheduled)", frames: [] };
    expect(mistakeHint(stuck)?.("en")).toMatch(/^On the Instant clock the loop stopped because nothing could ever wake it/);
    expect(mistakeHint(stuck)?.("ko")).toMatch(/^‘즉시’ 모드에서는 루프를 더 깨울 것이 없어서 멈췄습니다/);
    expect(mistakeHint({ ...stuck, name: "ValueError" })).toBeNull();
  });

  it("explains the runner's unsettled top-level await, in both languages", () => {
    const unsettled = { name: "Error", message: "unsettled top-level await (no loop running, no timer set)", frames: [] };
    expect(mistakeHint(unsettled)?.("en")).toMatch(/^The module's top-level await waits for something that nothing is left to settle/);
    expect(mistakeHint(unsettled)?.("ko")).toMatch(/^최상위 await가 기다리는 프로미스\(또는 퓨처\)를 완료해 줄 코드가 더 이상 없습니다/);
    expect(mistakeHint({ ...unsettled, message: "unsettled accounts" })).toBeNull();
    expect(mistakeHint({ ...unsettled, name: "TypeError" })).toBeNull();
  });

  it("words a forbidden import from the module's name, in both languages", () => {
    const words = problemWords({ kind: "import", module: "node:fs", line: 1, column: 8 });
    expect(words("en")).toBe('Import error (line 1, column 8): Cannot import "node:fs": only "asyncio" can be imported here.');
    expect(words("ko")).toContain('"node:fs" 모듈은 임포트할 수 없습니다');
    expect(words("ko")).toContain("1행 8열");
  });

  it("explains await where the loop library writes yield*, and yield* outside a function*, from esbuild's words", () => {
    const at = { line: 3, column: 3 };
    const awaitHint = problemHint({ kind: "syntax", text: '"await" can only be used inside an "async" function', ...at });
    expect(awaitHint?.("en")).toBe("In the loop library a coroutine is a generator function (function*): Python's await x is written yield* x here.");
    expect(awaitHint?.("ko")).toContain("await x는 여기서 yield* x로 씁니다");
    const yieldHint = problemHint({ kind: "syntax", text: '"yield" is a reserved word and cannot be used in an ECMAScript module', ...at });
    expect(yieldHint?.("en")).toMatch(/^yield\* works only inside a generator function \(function\*\)/);
    expect(problemHint({ kind: "syntax", text: "Expected \";\" but found \"x\"", ...at })).toBeNull();
    expect(problemHint({ kind: "import", module: "fs", ...at })).toBeNull();
  });

  it("words every end and failure in both languages", () => {
    const limit = endWords({ reason: "limit", limit: "lines" });
    expect(limit?.("en")).toBe("Stopped: the output reached the limit of 10,000 lines.");
    expect(limit?.("ko")).toBe("출력이 10,000줄 제한에 걸려 멈췄습니다.");
    const failed = failureWords({ key: "bundlerFailed", detail: "HTTP 404" });
    expect(failed("en")).toContain("(HTTP 404)");
    expect(failed("ko")).toContain("번들러를 불러오지 못했습니다(HTTP 404)");
    expect(endWords({ reason: "problems" })).toBeNull();
    expect(endWords({ reason: "done" })?.("en")).toBe("Finished.");
    expect(endWords({ reason: "done" }, true)?.("en")).toBe("Ended with an unhandled exception.");
    expect(endWords({ reason: "done" }, true)?.("ko")).toBe("처리되지 않은 예외로 끝났습니다.");
    expect(endWords({ reason: "stopped" }, true)?.("en")).toBe("Stopped.");
    expect(endState({ reason: "limit", limit: "time" })).toBe("limit-time");
    expect(endState({ reason: "failed", failure: { key: "workerCrashed", detail: "" } })).toBe("crashed");
  });

  it("counts syntax-error columns in characters, not UTF-8 bytes", () => {
    const line = 'const s = "한국어 텍스트"; const b = ;';
    const bytes = new TextEncoder().encode(line.slice(0, line.lastIndexOf(";"))).length;
    expect(characterColumn(line, bytes)).toBe(line.lastIndexOf(";"));
  });
});
