/**
 * The traceback of an error that holds others, as CPython prints it: a chain (an error's
 * `cause`, Python's `raise … from e`, the TimeoutError that `asyncio.timeout` raises from
 * the CancelledError it caused) and an exception group (a TaskGroup's failures, each
 * sub-exception in its own numbered box). Python's `traceback.TracebackException.format`
 * is the model, line for line: the causes first, each followed by "The above exception
 * was the direct cause of the following exception:"; a group's own traceback in a margin
 * of `|`, opened by `+`, each member under `+---------------- 1 ----------------`, at most
 * 15 members shown ("and N more exceptions") and 10 groups deep.
 *
 *   chainedReport({ name: "RuntimeError", message: "could not parse", frames: [...],
 *                   cause: { name: "ValueError", message: "bad", frames: [...] } });
 *   // ["Traceback (most recent call last):", …, "ValueError: bad", "",
 *   //  "The above exception was the direct cause of the following exception:", "", …]
 *
 * Like ./traceback.ts, the words are Python's own: program output, not UI strings.
 */
import type { Frame } from "./protocol";
import { TRACEBACK_HEADER, frameLines, summaryLine } from "./traceback";

/** An error as the worker read it, with the errors it holds. */
export interface ErrorTree {
  name: string | null;
  message: string;
  frames: Frame[];
  /** Python's `__cause__` (JavaScript's `cause`), when it is an error. */
  cause?: ErrorTree;
  /** A group's members, when the error is an exception group. */
  exceptions?: ErrorTree[];
  /** Members left out of `exceptions` (past the width CPython shows). */
  more?: number;
}

/** traceback.py's limits: members shown per group, and groups nested. */
export const MAX_GROUP_WIDTH = 15;
export const MAX_GROUP_DEPTH = 10;

const CAUSE_MESSAGE = ["", "The above exception was the direct cause of the following exception:", ""];

/** True when printing `tree` needs more than a plain traceback. */
export function holdsOthers(tree: ErrorTree): boolean {
  return tree.cause !== undefined || tree.exceptions !== undefined;
}

/** Python's `_ExceptionPrintContext`: how deep in groups the printing is, and whether a box waits to be closed. */
class PrintContext {
  depth = 0;
  needClose = false;
  readonly out: string[] = [];

  indent(): string {
    return " ".repeat(2 * this.depth);
  }

  emit(lines: readonly string[], margin = "|"): void {
    const prefix = this.indent() + (this.depth > 0 ? `${margin} ` : "");
    for (const line of lines) this.out.push(prefix + line);
  }
}

function format(tree: ErrorTree, ctx: PrintContext): void {
  // The chain, outermost last: causes print first.
  const chain: ErrorTree[] = [];
  for (let e: ErrorTree | undefined = tree; e; e = e.cause) chain.push(e);
  chain.reverse().forEach((exc, i) => {
    if (i > 0) ctx.emit(CAUSE_MESSAGE);
    formatOne(exc, ctx);
  });
}

function formatOne(exc: ErrorTree, ctx: PrintContext): void {
  const members = exc.exceptions;
  if (members === undefined) {
    if (exc.frames.length) ctx.emit([TRACEBACK_HEADER, ...frameLines(exc.frames)]);
    ctx.emit([summaryLine(exc)]);
    return;
  }
  if (ctx.depth > MAX_GROUP_DEPTH) {
    ctx.emit([`... (max_group_depth is ${MAX_GROUP_DEPTH})`]);
    return;
  }
  const topLevel = ctx.depth === 0;
  if (topLevel) ctx.depth++;
  if (exc.frames.length) {
    ctx.emit(["Exception Group Traceback (most recent call last):"], topLevel ? "+" : "|");
    ctx.emit(frameLines(exc.frames));
  }
  ctx.emit([summaryLine(exc)]);
  const more = exc.more ?? 0;
  const n = members.length + (more > 0 ? 1 : 0);
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= members.length;
    ctx.out.push(`${ctx.indent()}${i === 0 ? "+-" : "  "}+---------------- ${truncated ? "..." : i + 1} ----------------`);
    ctx.depth++;
    if (!truncated) format(members[i], ctx);
    else ctx.emit([`and ${more} more exception${more > 1 ? "s" : ""}`]);
    if (last && ctx.needClose) {
      ctx.out.push(`${ctx.indent()}+------------------------------------`);
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (topLevel) ctx.depth = 0;
}

/** The whole report of `tree`, one string per line, as CPython's traceback prints it. */
export function chainedReport(tree: ErrorTree): string[] {
  const ctx = new PrintContext();
  format(tree, ctx);
  return ctx.out;
}
