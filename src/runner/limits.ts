/**
 * Every limit that ends a run, in one table that the worker (./worker.ts), the sandbox
 * (./sandbox.ts) and the page (src/components/example/) all read.
 *
 * A row holds the limit's value, the runner string that tells the reader (its `{slot}`
 * filled with the value), and the test that says when a run is over it. Adding a limit
 * touches three files: a row here, its message in src/i18n/runner.ts, and the code that
 * counts (the worker for what the program does, the sandbox for time).
 *
 *   RUN_LIMITS.lines.over(10_001); // true: the run printed too much
 *   limitWords("lines");           // { key: "limitLines", values: { lines: "10,000" } }
 */
import type { RunnerKey } from "../i18n/runner";

export interface RunLimit {
  /** The limit, in the row's unit. */
  readonly value: number;
  /** The runner string that says the run stopped here. */
  readonly key: RunnerKey;
  /** The `{slot}` in that string the value fills. */
  readonly slot: string;
  /** True when `used` (in the row's unit) is past the limit. */
  over(used: number): boolean;
}

function limit(value: number, key: RunnerKey, slot: string): RunLimit {
  return { value, key, slot, over: (used) => used > value };
}

/** The run limits; a run's end names its row (`{ reason: "limit", limit: "lines" }`). */
export const RUN_LIMITS = {
  /**
   * Wall-clock seconds a run may take, in either clock mode (the sandbox counts): the
   * longest example on the Real time clock (the notes' long one, ten seconds of ticks)
   * must fit, worker start included.
   */
  time: limit(15, "limitTime", "seconds"),
  /** Output lines a run may print (the worker counts, and the page again). */
  lines: limit(10_000, "limitLines", "lines"),
  /** Characters of output a run may print, about 1 MB (the worker counts, and the page again). */
  chars: limit(1_000_000, "limitChars", "chars"),
} as const satisfies Record<string, RunLimit>;

/**
 * Bounds that do not end a run but shape what crosses to the page: a longer line is
 * shown up to `lineChars` with "… N more characters"; a message carries at most
 * `messageLines` lines and about `messageChars` characters. The page refuses messages
 * beyond them (./validate.ts).
 */
export const OUTPUT_BOUNDS = {
  lineChars: 10_000,
  messageLines: 500,
  messageChars: 64 * 1024,
  /** An error's name and message, and a frame's file and function, in characters. */
  errorChars: 20_000,
  /** Frames in one traceback. */
  frames: 200,
} as const;

/** Lines of a report, at most (OUTPUT_BOUNDS.messageLines, as ./validate.ts counts them). */
export function reportLineCount(report: string): number {
  return report.split("\n").length;
}

/**
 * A traceback report cut to what one message may carry (OUTPUT_BOUNDS.messageLines and
 * messageChars), keeping its start and, above all, its end: CPython prints the outermost
 * exception's summary last. What is left out is said where it was.
 *
 *   fitReport(lines.join("\n")); // unchanged when it fits
 */
export function fitReport(report: string): string {
  let lines = report.split("\n");
  const room = OUTPUT_BOUNDS.messageLines - 3; // room for the two notes below
  if (lines.length > room) {
    const head = room >> 1;
    const tail = room - head - 1;
    lines = [...lines.slice(0, head), `[… ${lines.length - head - tail} lines left out]`, ...lines.slice(-tail)];
  }
  let out = lines.join("\n");
  const max = OUTPUT_BOUNDS.messageChars;
  if (out.length > max) {
    const note = `\n[… ${out.length} characters in all; the middle left out]\n`;
    const head = Math.floor((max - note.length) / 4);
    const tail = max - note.length - head;
    out = out.slice(0, head) + note + out.slice(-tail);
  }
  return out;
}

export type LimitName = keyof typeof RUN_LIMITS;

/** Narrows a value to a limit's name (for messages from the worker). */
export function isLimitName(value: unknown): value is LimitName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(RUN_LIMITS, value);
}

/**
 * A whole number with a comma between each group of three digits, as
 * `toLocaleString("en-US")` writes it, but without the browser's Intl: its first call
 * on a page sets up number formatting, tens of milliseconds of main thread in the very
 * run that first shows a cut line or a limit.
 *
 *   groupDigits(49_990_000); // "49,990,000"
 */
export function groupDigits(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  if (!/^\d+$/.test(digits)) return String(n); // Infinity, NaN, 1e+21 and up: no groups to make
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return n < 0 && out !== "0" ? "-" + out : out;
}

/** The message for a run that reached `name`: its runner string and the value to fill in. */
export function limitWords(name: LimitName): { key: RunnerKey; values: Record<string, string> } {
  const row: RunLimit = RUN_LIMITS[name];
  return { key: row.key, values: { [row.slot]: groupDigits(row.value) } };
}
