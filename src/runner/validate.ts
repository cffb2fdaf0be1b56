/**
 * The page's check on every message from the sandbox: types, ranges and lengths, per
 * ./protocol.ts and the bounds in ./limits.ts. Anything else is not a message at all —
 * the sandbox ends the run with "the program broke the runner's rules".
 *
 *   readFromWorker({ type: "output", lines: [{ level: "log", text: "hi", time: 0, cut: 0 }] }); // ok
 *   readFromWorker({ type: "output", lines: [{ level: "log", text: "hi", time: "0" }] });        // problem: "output.lines[0].time"
 */
import { DEFAULT_EVENT_LIMIT } from "../visualizer/ring";
import { isLimitName, OUTPUT_BOUNDS, reportLineCount } from "./limits";
import { BROWSER_HINTS, type Frame, type FromWorker, type OutputLine, type RunError } from "./protocol";

export type Checked = { ok: true; message: FromWorker } | { ok: false; problem: string };

const LEVELS = new Set(["log", "info", "warn", "error"]);
const HINTS = new Set<string>(BROWSER_HINTS);
const FAILURES = new Set(["bundlerFailed", "prebuiltFailed", "runtimeFailed", "workerCrashed", "pythonStack", "pythonDownload", "runnerDownload", "brokeRules"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number): v is string => typeof v === "string" && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
const isPlace = (v: unknown): v is number => isCount(v) && v >= 1 && v <= 10_000_000;

function line(v: unknown): v is OutputLine {
  return (
    isObject(v) &&
    typeof v.level === "string" && LEVELS.has(v.level) &&
    isText(v.text, OUTPUT_BOUNDS.lineChars) &&
    (v.time === null || (typeof v.time === "number" && Number.isFinite(v.time))) &&
    isCount(v.cut)
  );
}

function frame(v: unknown): v is Frame {
  return (
    isObject(v) &&
    isText(v.file, OUTPUT_BOUNDS.errorChars) && isText(v.function, OUTPUT_BOUNDS.errorChars) &&
    isPlace(v.line) && isPlace(v.column)
  );
}

function runError(v: unknown): v is RunError {
  return (
    isObject(v) &&
    (v.name === null || isText(v.name, OUTPUT_BOUNDS.errorChars)) &&
    isText(v.message, OUTPUT_BOUNDS.errorChars) &&
    Array.isArray(v.frames) && v.frames.length <= OUTPUT_BOUNDS.frames && v.frames.every(frame) &&
    (v.hint === undefined || HINTS.has(v.hint as string)) && (v.module === undefined || isText(v.module, OUTPUT_BOUNDS.errorChars)) &&
    (v.outsideTask === undefined || v.outsideTask === true) &&
    (v.report === undefined || (isText(v.report, OUTPUT_BOUNDS.messageChars) && reportLineCount(v.report) <= OUTPUT_BOUNDS.messageLines))
  );
}

/** Where `data` breaks the protocol, or null when it is a well-formed message. */
function problem(data: unknown): string | null {
  if (!isObject(data)) return "not a message";
  switch (data.type) {
    case "ready":
    case "done":
      return null;
    case "failed":
      return isObject(data.failure) && typeof data.failure.key === "string" && FAILURES.has(data.failure.key) &&
        isText(data.failure.detail, OUTPUT_BOUNDS.errorChars)
        ? null
        : "failed.failure";
    case "limit":
      return isLimitName(data.limit) ? null : "limit.limit";
    case "output": {
      const lines = data.lines;
      if (!Array.isArray(lines) || lines.length === 0 || lines.length > OUTPUT_BOUNDS.messageLines) return "output.lines";
      let chars = 0;
      for (let i = 0; i < lines.length; i++) {
        if (!line(lines[i])) return `output.lines[${i}]`;
        chars += (lines[i] as OutputLine).text.length;
      }
      return chars <= OUTPUT_BOUNDS.messageChars + OUTPUT_BOUNDS.lineChars ? null : "output.lines: too many characters";
    }
    case "error":
      return runError(data.error) ? null : "error.error";
    case "trace":
      return Array.isArray(data.events) && data.events.length <= DEFAULT_EVENT_LIMIT &&
        data.events.every((e) => isObject(e) && typeof e.type === "string") && isCount(data.dropped)
        ? null
        : "trace";
    default:
      return "type";
  }
}

/** Checks one message from the worker. */
export function readFromWorker(data: unknown): Checked {
  const found = problem(data);
  return found === null ? { ok: true, message: data as FromWorker } : { ok: false, problem: found };
}
