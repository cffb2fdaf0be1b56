/** The page's check on messages from the sandbox: the forged messages of issue 15 are refused. */
import { describe, expect, it } from "vitest";
import { fitReport, OUTPUT_BOUNDS, reportLineCount } from "../../src/runner/limits";
import { readFromWorker } from "../../src/runner/validate";

const line = { level: "log", text: "hi", time: 0, cut: 0 };

describe("readFromWorker", () => {
  it("accepts well-formed messages", () => {
    for (const m of [
      { type: "ready" },
      { type: "done" },
      { type: "limit", limit: "lines" },
      { type: "output", lines: [line, { ...line, time: null, cut: 5 }] },
      { type: "error", error: { name: null, message: "x", frames: [] } },
      { type: "error", error: { name: "E", message: "", frames: [{ file: "example.ts", line: 3, column: 1, function: "f" }] } },
      { type: "error", error: { name: "RangeError", message: "Maximum call stack size exceeded", frames: [], hint: "stack" } },
      { type: "error", error: { name: "ModuleNotFoundError", message: "x", frames: [], hint: "module", module: "requests" } },
      { type: "error", error: { name: "ExceptionGroup", message: "x", frames: [], report: "  + Exception Group Traceback (most recent call last):\n  | ExceptionGroup: x" } },
      { type: "failed", failure: { key: "runtimeFailed", detail: "boom" } },
      { type: "trace", events: [{ type: "schedule" }], dropped: 0 },
    ]) {
      expect(readFromWorker(m)).toEqual({ ok: true, message: m });
    }
  });

  it("refuses forged and malformed ones", () => {
    const bad: unknown[] = [
      null,
      "done",
      { type: "output", lines: [{ ...line, time: "soon" }] },
      { type: "output", lines: null },
      { type: "output", lines: [] },
      { type: "output", lines: Array.from({ length: OUTPUT_BOUNDS.messageLines + 1 }, () => line) },
      { type: "output", lines: [{ ...line, text: "x".repeat(OUTPUT_BOUNDS.lineChars + 1) }] },
      { type: "output", lines: [{ ...line, level: "shout" }] },
      { type: "output", lines: [{ ...line, time: Number.NaN }] },
      { type: "error", error: { name: "E", message: "m" } },
      { type: "error", error: { name: "E", message: "m", frames: [], hint: "<b>forged</b>" } },
      { type: "error", error: { name: "E", message: "m", frames: [], hint: "module", module: 7 } },
      { type: "error", error: { name: "E", message: "m", frames: [{ file: "f", line: Number.NaN, column: 1, function: "f" }] } },
      { type: "error", error: { name: "E", message: "m", frames: [{ file: "f", line: 0, column: 1, function: "f" }] } },
      // A report is text, within one message's lines and characters.
      { type: "error", error: { name: "E", message: "m", frames: [], report: 5 } },
      { type: "error", error: { name: "E", message: "m", frames: [], report: "x\n".repeat(OUTPUT_BOUNDS.messageLines) } },
      { type: "error", error: { name: "E", message: "m", frames: [], report: "x".repeat(OUTPUT_BOUNDS.messageChars + 1) } },
      { type: "limit", limit: "toString" },
      { type: "failed", failure: { key: "whatever", detail: "" } },
      { type: "trace", events: "many", dropped: 0 },
      { type: "hello" },
    ];
    for (const m of bad) expect(readFromWorker(m).ok, JSON.stringify(m)?.slice(0, 80)).toBe(false);
  });

  it("fits a long report to one message, keeping its start and its last line", () => {
    const long = Array.from({ length: 5000 }, (_, i) => `line ${i}`).join("\n") + "\nExceptionGroup: the outermost, said last";
    const fitted = fitReport(long);
    expect(reportLineCount(fitted)).toBeLessThanOrEqual(OUTPUT_BOUNDS.messageLines);
    expect(fitted.startsWith("line 0\n")).toBe(true);
    expect(fitted.endsWith("ExceptionGroup: the outermost, said last")).toBe(true);
    const kept = fitted.split("\n").filter((l) => l.startsWith("line ")).length + 1;
    expect(fitted).toContain(`[… ${5001 - kept} lines left out]`);
    const wide = "W".repeat(OUTPUT_BOUNDS.messageChars * 2) + "\nValueError: last";
    const cut = fitReport(wide);
    expect(cut.length).toBeLessThanOrEqual(OUTPUT_BOUNDS.messageChars);
    expect(cut.endsWith("ValueError: last")).toBe(true);
    expect(readFromWorker({ type: "error", error: { name: "E", message: "", frames: [], report: fitted } }).ok).toBe(true);
    expect(readFromWorker({ type: "error", error: { name: "E", message: "", frames: [], report: cut } }).ok).toBe(true);
    expect(fitReport("short\nreport")).toBe("short\nreport");
  });
});
