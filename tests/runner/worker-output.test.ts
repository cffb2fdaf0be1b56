/** The worker's printer bounds output before it is sent: per line, per run, per message. */
import { describe, expect, it } from "vitest";
import { OUTPUT_BOUNDS, RUN_LIMITS } from "../../src/runner/limits";
import type { FromWorker, OutputLine } from "../../src/runner/protocol";
import { Printer } from "../../src/runner/worker-output";

function printer(): { out: Printer; sent: FromWorker[]; lines: () => OutputLine[] } {
  const sent: FromWorker[] = [];
  const out = new Printer((m) => sent.push(m), () => null);
  const lines = (): OutputLine[] => sent.flatMap((m) => (m.type === "output" ? m.lines : []));
  return { out, sent, lines };
}

describe("Printer", () => {
  it("cuts a 50 MB line to its first characters and counts the rest", () => {
    const { out, lines } = printer();
    out.print("log", "x".repeat(50e6));
    out.flush();
    expect(lines()).toEqual([{ level: "log", text: "x".repeat(OUTPUT_BOUNDS.lineChars), time: null, cut: 50e6 - OUTPUT_BOUNDS.lineChars }]);
  });

  it("stops at the line limit, having sent exactly that many lines, then says which limit", () => {
    const { out, sent, lines } = printer();
    for (let i = 0; i < 20_000 && !out.silenced; i++) out.print("log", String(i));
    out.flush();
    expect(lines().length).toBe(RUN_LIMITS.lines.value);
    expect(sent.at(-1)).toEqual({ type: "limit", limit: "lines" });
  });

  it("stops at the character limit", () => {
    const { out, sent, lines } = printer();
    for (let i = 0; i < 9999 && !out.silenced; i++) out.print("log", "y".repeat(10_000));
    const total = lines().reduce((n, l) => n + l.text.length, 0);
    expect(total).toBe(RUN_LIMITS.chars.value);
    expect(sent.at(-1)).toEqual({ type: "limit", limit: "chars" });
  });

  it("keeps every message within the bounds the page checks", () => {
    const { out, sent } = printer();
    out.print("log", Array.from({ length: 3000 }, () => "z".repeat(300)).join("\n"));
    out.flush();
    for (const m of sent) {
      if (m.type !== "output") continue;
      expect(m.lines.length).toBeLessThanOrEqual(OUTPUT_BOUNDS.messageLines);
      expect(m.lines.reduce((n, l) => n + l.text.length, 0)).toBeLessThanOrEqual(OUTPUT_BOUNDS.messageChars + OUTPUT_BOUNDS.lineChars);
    }
  });
});
