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

/** Identical frames in a row that CPython prints before summing up the rest (traceback.py's cutoff). */
const RECURSIVE_CUTOFF = 3;

/**
 * The frames' lines as CPython prints them: a frame repeated in a row (a recursion) shows
 * three times, then "[Previous line repeated N more times]".
 *
 *   frameLines(Array(10).fill({ file: "example.ts", line: 2, column: 3, function: "f" }));
 *   // three '  File "example.ts", line 2, in f' lines, then "  [Previous line repeated 7 more times]"
 */
export function frameLines(frames: readonly Frame[]): string[] {
  const out: string[] = [];
  let last: Frame | null = null;
  let count = 0;
  const sumUp = (): void => {
    if (count <= RECURSIVE_CUTOFF) return;
    const more = count - RECURSIVE_CUTOFF;
    out.push(`  [Previous line repeated ${more} more time${more > 1 ? "s" : ""}]`);
  };
  for (const frame of frames) {
    if (last === null || last.file !== frame.file || last.line !== frame.line || last.function !== frame.function) {
      sumUp();
      last = frame;
      count = 0;
    }
    count++;
    if (count <= RECURSIVE_CUTOFF) out.push(frameLine(frame));
  }
  sumUp();
  return out;
}

/** The whole report, one string per line; no header when no frame lies in the reader's code. */
export function tracebackLines(error: RunError): string[] {
  const frames = error.frames.length ? [TRACEBACK_HEADER, ...frameLines(error.frames)] : [];
  return [...frames, summaryLine(error)];
}
