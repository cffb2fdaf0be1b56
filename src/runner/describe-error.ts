/**
 * An error the program did not handle, read into the data the page shows (./protocol.ts
 * RunError), in the worker: its name as CPython's traceback writes it, its message, the
 * reader's frames, and, for an error that holds others (a cause, an exception group),
 * CPython's whole report (./exception-report.ts), fitted to one message. Everything read
 * off the error is the program's to forge, so every read is guarded, and the work has a
 * time budget.
 *
 *   post({ type: "error", error: describeThrown(thrown, stacks) });
 */
import * as asyncio from "asyncio";
import { chainedReport, holdsOthers, MAX_GROUP_DEPTH, MAX_GROUP_WIDTH, type ErrorTree } from "./exception-report";
import { FORMAT_BUDGET_MS, formatArgs, plainDescription } from "./inspect";
import { suggestionFor } from "./library-module";
import { fitReport } from "./limits";
import type { RunError } from "./protocol";
import type { ReaderStacks } from "./stack";

/** The clock as it was before the reader's code could replace it (this module loads first). */
const now = performance.now.bind(performance);

/** Reads a property that may be a throwing getter or a revoked proxy's. */
function read(value: unknown, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function isAnError(value: unknown): value is Error {
  try {
    return value instanceof Error;
  } catch {
    return false; // A revoked proxy: not an Error we can read.
  }
}

/**
 * The library's errors that CPython's traceback names with their module
 * (`asyncio.exceptions.CancelledError`, `asyncio.queues.QueueEmpty`); its built-ins
 * (ValueError, TimeoutError, ExceptionGroup…) and the reader's own classes it names bare.
 */
const PYTHON_MODULES = new Map<object, string>([
  [asyncio.CancelledError.prototype, "asyncio.exceptions"],
  [asyncio.InvalidStateError.prototype, "asyncio.exceptions"],
  [asyncio.BrokenBarrierError.prototype, "asyncio.exceptions"],
  [asyncio.QueueEmpty.prototype, "asyncio.queues"],
  [asyncio.QueueFull.prototype, "asyncio.queues"],
]);

/** `name` as CPython's traceback writes it: module-qualified for the library's own errors. */
function pythonName(error: Error, name: string): string {
  let proto: unknown;
  try {
    proto = Object.getPrototypeOf(error);
  } catch {
    return name;
  }
  const module = typeof proto === "object" && proto !== null ? PYTHON_MODULES.get(proto) : undefined;
  return module !== undefined && name === (proto as Error).name ? `${module}.${name}` : name;
}

/** Errors read into one report at most (a chain, a group's members, theirs): the rest are left out. */
const MAX_REPORTED_ERRORS = 64;

/**
 * What was thrown, as data for the page; whatever it is (a throwing getter, a revoked
 * proxy, null), this returns. `stacks` finds the reader's frames in a stack.
 */
export function describeThrown(thrown: unknown, stacks: ReaderStacks): RunError {
  const deadline = now() + FORMAT_BUDGET_MS;
  if (!isAnError(thrown)) return { name: null, message: formatArgs([thrown]), frames: [] };
  const seen = new Set<unknown>();
  /** The error and what it holds: its cause, a group's members (./exception-report.ts). */
  const tree = (error: Error, depth: number): ErrorTree => {
    seen.add(error);
    const name = read(error, "name");
    const message = read(error, "message");
    const stack = read(error, "stack");
    const node: ErrorTree = {
      name: typeof name === "string" ? pythonName(error, name.slice(0, 1000)) : plainDescription(error),
      message: typeof message === "string" ? message.slice(0, 10_000) : "",
      frames: typeof stack === "string" && now() < deadline ? stacks.frames(stack) : [],
    };
    // A name the module lacks: CPython's traceback adds its guess (the message itself has none).
    const near = suggestionFor(error);
    if (near !== undefined) node.message += `. Did you mean: '${near}'?`;
    const room = (): boolean => seen.size < MAX_REPORTED_ERRORS && now() < deadline;
    // What the error holds is the program's to forge (a writable `exceptions`, a Proxy, a
    // throwing getter): whatever throws here leaves the error reported as far as it was read.
    try {
      const cause = read(error, "cause");
      if (isAnError(cause) && !seen.has(cause) && room()) node.cause = tree(cause, depth);
      const members = error instanceof asyncio.BaseExceptionGroup ? read(error, "exceptions") : undefined;
      if (Array.isArray(members) && depth <= MAX_GROUP_DEPTH) {
        const count = members.length;
        const held: ErrorTree[] = [];
        for (let i = 0; i < Math.min(count, MAX_GROUP_WIDTH) && room(); i++) {
          const member: unknown = members[i];
          held.push(isAnError(member) && !seen.has(member) ? tree(member, depth + 1) : { name: null, message: formatArgs([member]), frames: [] });
        }
        node.exceptions = held;
        node.more = count - held.length;
      }
    } catch {
      delete node.exceptions;
      delete node.more;
    }
    return node;
  };
  const whole = tree(thrown, 0);
  const error: RunError = { name: whole.name, message: whole.message, frames: whole.frames };
  if (read(thrown, "_outsideTask") === true) error.outsideTask = true;
  // Within what one message may carry: a longer report keeps its start and its end.
  if (holdsOthers(whole)) error.report = fitReport(chainedReport(whole).join("\n"));
  if (outOfStack(error)) error.hint = "stack";
  return error;
}

/**
 * The engine ran out of stack: V8's (Chromium, Node) and JavaScriptCore's RangeError,
 * or SpiderMonkey's InternalError. The engine's own words are the only sign it gives.
 */
function outOfStack(error: RunError): boolean {
  return (
    (error.name === "RangeError" && error.message.startsWith("Maximum call stack size exceeded")) ||
    (error.name === "InternalError" && error.message === "too much recursion")
  );
}

