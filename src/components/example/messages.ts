/**
 * The one place where what a run reports (structured data from src/runner/protocol.ts)
 * becomes text for the reader, in both languages. Nothing here parses text: a missing
 * module comes with its name, an error with its frames, a failure with its key.
 *
 *   endWords({ reason: "limit", limit: "lines" })("en");
 *   // "Stopped: the run printed 10,000 lines, the limit."
 */
import { limitWords } from "../../runner/limits";
import type { CodeProblem, Failure, RunEnd, RunError, SourcePosition } from "../../runner/protocol";
import { summaryLine, tracebackLines } from "../../runner/traceback";
import { say, type Words } from "./words";

/** "line 3, column 9" / "3행 9열". */
export const whereWords = (at: SourcePosition): Words => say("errorAt", { line: at.line, column: at.column });

/** A compile problem: "Syntax error (line 1, column 7): …" or the only-asyncio import message. */
export function problemWords(problem: CodeProblem): Words {
  return (lang) => {
    const what = problem.kind === "import" ? say("onlyAsyncio", { name: problem.module })(lang) : problem.text;
    return `${say(problem.kind === "import" ? "importError" : "syntaxError")(lang)} (${whereWords(problem)(lang)}): ${what}`;
  };
}

/**
 * What the compiler's words do not say, for the mistakes a reader coming from Python makes
 * first: `await` where the loop library writes `yield*`, and `yield*` outside a `function*`.
 *
 *   problemHint({ kind: "syntax", text: '"await" can only be used inside an "async" function', line: 3, column: 3 }); // the yield* hint
 */
export function problemHint(problem: CodeProblem): Words | null {
  if (problem.kind !== "syntax") return null;
  if (/^"await" can only be used inside an "async" function/.test(problem.text)) return say("hintAwaitInGenerator");
  // Outside a function*, `yield` is only a name, reserved in a module: esbuild says so.
  if (/^"yield" is a reserved word/.test(problem.text)) return say("hintYieldOutside");
  return null;
}

/** What a run's failure says (the browser's detail kept as it came). */
export const failureWords = (failure: Failure): Words => say(failure.key, { detail: failure.detail });

/**
 * The line that closes a run's output; null when the run ends without one (compile
 * problems). A program that ended on an uncaught exception (`uncaught`) did not just finish.
 */
export function endWords(end: RunEnd, uncaught = false): Words | null {
  switch (end.reason) {
    case "done":
      if (uncaught) return say("finishedWithError");
      return end.status === undefined ? say("finished") : say("finishedStatus", { status: end.status });
    case "stopped":
      return say("stopped");
    case "limit": {
      const { key, values } = limitWords(end.limit);
      return say(key, values);
    }
    case "failed":
      return failureWords(end.failure);
    case "problems":
      return null;
  }
}

/** An uncaught error: its traceback lines (Python's words, the same in both languages); CPython's own report when it sent one. */
export const errorLines = (error: RunError): string[] => (error.report ? error.report.split("\n") : tracebackLines(error));

/** Why the program could not work in a browser, when that is why it failed (a module, input, the network or a thread in Python; the stack in TypeScript). */
export function hintWords(error: RunError): Words | null {
  switch (error.hint) {
    case "module":
      return say("hintModule", { name: error.module ?? "" });
    case "stdlib":
      return say("hintStdlibModule", { name: error.module ?? "" });
    case "input":
      return say("hintInput");
    case "network":
      return say("hintNetwork");
    case "thread":
      return say("hintThread");
    case "stack":
      return say("hintStack");
    default:
      return null;
  }
}

/**
 * A printed warning the site explains, the first time a run prints it: CPython's
 * "coroutine … was never awaited", the mistake most learners make first.
 *
 *   warningHint("example.py:3: RuntimeWarning: coroutine 'sleep' was never awaited"); // words naming sleep()
 *   warningHint("hello");                                                              // null
 */
export function warningHint(text: string): Words | null {
  const found = /RuntimeWarning: coroutine '([^']+)' was never awaited$/.exec(text);
  return found ? say("hintNeverAwaited", { name: found[1] }) : null;
}

/**
 * A learner's mistake an uncaught error shows, explained: `asyncio.run()` called inside a
 * coroutine (its coroutine is then never awaited too, but awaiting it is not the fix, so
 * the page gives this hint instead of that warning's), or at a TypeScript module's top
 * level while an earlier run's loop still runs (its Promise was not awaited), a wait on the Instant clock
 * that nothing can ever end (the site's own error: CPython would wait forever), or a
 * top-level `await` that nothing is left to settle (the runner's own error).
 *
 *   mistakeHint({ name: "RuntimeError", message: "asyncio.run() cannot be called from a running event loop", … }); // words
 */
export function mistakeHint(error: RunError): Words | null {
  const key = mistakeKey(error);
  return key === null ? null : say(key);
}

/** Which of mistakeHint's hints `error` gets, by its runner string's key (the output view asks for the nested run's). */
export function mistakeKey(error: RunError): "hintUnsettled" | "hintNestedRun" | "hintUnawaitedRun" | "hintDeadlock" | null {
  if (error.name === "Error" && error.message.startsWith("unsettled top-level await")) return "hintUnsettled";
  if (error.name !== "RuntimeError") return null;
  if (error.message.startsWith("asyncio.run() cannot be called from a running event loop")) {
    // Raised with no task running (the library says so): at the TypeScript module's top
    // level, while an earlier asyncio.run()'s loop still runs, its Promise not awaited.
    return error.outsideTask === true ? "hintUnawaitedRun" : "hintNestedRun";
  }
  if (error.message.startsWith("virtual clock: deadlock")) return "hintDeadlock";
  return null;
}

/** Where an uncaught error was raised in the reader's code (the innermost frame), if anywhere. */
export function errorAt(error: RunError): { at: SourcePosition; summary: string } | null {
  const frame = error.frames[error.frames.length - 1];
  return frame ? { at: { line: frame.line, column: frame.column }, summary: summaryLine(error) } : null;
}

/**
 * Where a warning CPython printed names the reader's code, and what it says: python3
 * prints a warning with its file and line (`example.py:7: RuntimeWarning: …`).
 *
 *   warningAt("example.py:7: RuntimeWarning: coroutine 'f' was never awaited"); // line 7, "RuntimeWarning: …"
 *   warningAt("  f()");                                                          // null
 */
export function warningAt(text: string): { at: SourcePosition; summary: string } | null {
  const found = /^example\.py:(\d+): (\w*Warning: .*)$/.exec(text);
  return found ? { at: { line: Number(found[1]), column: 1 }, summary: found[2] } : null;
}

/** The example's `data-state` after a run ends (the browser tests read it). */
export function endState(end: RunEnd): string {
  switch (end.reason) {
    case "limit":
      return `limit-${end.limit}`;
    case "failed":
      return end.failure.key === "bundlerFailed" || end.failure.key === "prebuiltFailed" ? "idle" : "crashed";
    case "problems":
      return "idle";
    default:
      return end.reason;
  }
}
