/**
 * Python's traceback, as text, from structured frames: the one place a RunError
 * (./protocol.ts) becomes the lines a Python reader expects. The page uses it for
 * an uncaught error; the worker for stacks the program prints (`console.error(err)`).
 *
 *   tracebackLines({ name: "ValueError", message: "bad", frames: [
 *     { file: "example.ts", line: 3, column: 9, function: "main" } ] });
 *   // ["Traceback (most recent call last):",
 *   //  '  File "example.ts", line 3, in main',
 *   //  "ValueError: bad"]
 *
 * The words are Python's own (a traceback reads the same in any language), so this
 * text is program output, not a UI string.
 */
import type { Frame, RunError } from "./protocol";

export const TRACEBACK_HEADER = "Traceback (most recent call last):";

/** `  File "example.ts", line 3, in main` */
export function frameLine(frame: Frame): string {
  return `  File "${frame.file}", line ${frame.line}, in ${frame.function}`;
}

/** The error's last line: "Name: message", "Name", or "Uncaught <value>" for a thrown non-Error. */
export function summaryLine(error: RunError): string {
  if (error.name === null) return `Uncaught ${error.message}`;
  return error.message ? `${error.name}: ${error.message}` : error.name;
}

/** The whole report, one string per line; no header when no frame lies in the reader's code. */
export function tracebackLines(error: RunError): string[] {
  const frames = error.frames.length ? [TRACEBACK_HEADER, ...error.frames.map(frameLine)] : [];
  return [...frames, summaryLine(error)];
}
