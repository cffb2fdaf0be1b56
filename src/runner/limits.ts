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
  /** Wall-clock seconds a run may take, in either clock mode (the sandbox counts). */
  time: limit(10, "limitTime", "seconds"),
  /** Output lines a run may print (the worker counts). */
  lines: limit(10_000, "limitLines", "lines"),
  /** Characters a run may print, all lines together (the Python runner counts). */
  bytes: limit(1_000_000, "limitBytes", "bytes"),
} as const satisfies Record<string, RunLimit>;

export type LimitName = keyof typeof RUN_LIMITS;

/** Narrows a value to a limit's name (for messages from the worker). */
export function isLimitName(value: unknown): value is LimitName {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(RUN_LIMITS, value);
}

/** The message for a run that reached `name`: its runner string and the value to fill in. */
export function limitWords(name: LimitName): { key: RunnerKey; values: Record<string, string> } {
  const row: RunLimit = RUN_LIMITS[name];
  return { key: row.key, values: { [row.slot]: row.value.toLocaleString("en-US") } };
}
