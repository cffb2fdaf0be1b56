/**
 * What the type service adds to the compiler's diagnostics (runs in the worker):
 *
 * - a hint key for the compiler errors that mean a Python-to-loop-library mistake:
 *   `yield x` where `yield* x` was meant (the library's Coroutine yields only
 *   Suspensions, so a future, task or coroutine after a bare `yield` is a type error),
 *   `await` inside a `function*`, an `async function` handed to the loop;
 * - one check of the site's own, which TypeScript has no rule for: a coroutine called
 *   as a statement, its result ignored (Python warns "coroutine ... was never awaited").
 *   It asks the checker for the statement's type, so it fires only on real coroutines.
 */
import ts from "typescript";
import type { HintKey, TypeDiagnostic } from "./protocol";

/**
 * The compiler's message with its whole elaboration chain, one line per level; each
 * level's text goes through `say` with its own code (to put it in Korean: ./korean.ts).
 *
 *   flatten(d.messageText, d.code);                                    // English
 *   flatten(d.messageText, d.code, (t, c) => korean.translate(t, c));  // Korean
 */
export function flatten(
  text: string | ts.DiagnosticMessageChain,
  code: number,
  say: (text: string, code: number) => string = (t) => t,
): string {
  if (typeof text === "string") return say(text, code);
  const lines: string[] = [];
  const walk = (chain: ts.DiagnosticMessageChain, depth: number): void => {
    lines.push("  ".repeat(depth) + say(chain.messageText, chain.code));
    for (const next of chain.next ?? []) walk(next, depth + 1);
  };
  walk(text, 0);
  return lines.join("\n");
}

function enclosingFunction(node: ts.Node | undefined): ts.FunctionLikeDeclaration | undefined {
  for (let n = node; n; n = n.parent) if (ts.isFunctionLike(n) && "body" in n) return n as ts.FunctionLikeDeclaration;
  return undefined;
}

function tokenAt(file: ts.SourceFile, pos: number): ts.Node | undefined {
  const find = (node: ts.Node): ts.Node | undefined =>
    pos >= node.getStart(file) && pos < node.getEnd() ? (ts.forEachChild(node, find) ?? node) : undefined;
  return find(file);
}

/** Which mapping hint, if any, belongs next to this compiler diagnostic. */
export function hintFor(d: ts.Diagnostic, file: ts.SourceFile): HintKey | null {
  const text = flatten(d.messageText, d.code);
  if (d.code === 1308) {
    const fn = enclosingFunction(d.start === undefined ? undefined : tokenAt(file, d.start));
    return fn?.asteriskToken ? "awaitInCoroutine" : null;
  }
  if (/\bSuspension\b/.test(text)) {
    if (/\bPromise</.test(text)) return "asyncDef";
    return "yieldStar";
  }
  if (/\bPromise</.test(text) && /\bCoroutine</.test(text)) return "asyncDef";
  return null;
}

/** True for a type the library would drive as a coroutine: it yields Suspensions. */
function isCoroutineType(type: ts.Type, checker: ts.TypeChecker): boolean {
  const text = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  return /^(asyncio\.)?Coroutine</.test(text) || /^Generator<(asyncio\.)?Suspension\b/.test(text);
}

/** True when `symbol` is the loop library's (its declarations sit under /node_modules/asyncio/). */
function declaredByLibrary(symbol: ts.Symbol | undefined): boolean {
  return (symbol?.declarations ?? []).some((d) => d.getSourceFile().fileName.includes("/node_modules/asyncio/"));
}

/** True for the library's futures and tasks: awaitable by `yield*`, not by `await` (they are not Promises). */
function isLoopFuture(type: ts.Type): boolean {
  const symbol = type.getSymbol();
  return declaredByLibrary(symbol) && (symbol!.getName() === "Future" || symbol!.getName() === "Task");
}

/** The site's own warning (no compiler message) over `node`, with `hint`. */
function warning(node: ts.Node, file: ts.SourceFile, hint: HintKey): TypeDiagnostic {
  return { from: node.getStart(file), to: node.getEnd(), severity: "warning", message: "", messageKo: "", code: 0, hint };
}

/** True when the called function is the library's. */
function fromLibrary(call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression);
  // A named import (`import { run } from "asyncio"`) is an alias declared in the reader's file: follow it.
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return declaredByLibrary(symbol);
}

/**
 * The mistakes of a Python reader that type-check but do nothing, which TypeScript has
 * no rule for:
 * - a coroutine called as a statement, its result dropped (`asyncio.sleep(1);`, `work();`):
 *   Python warns "coroutine ... was never awaited";
 * - a coroutine, task or future awaited with `await` (`await main();` at the top level):
 *   `await` waits only for Promises, so a coroutine never starts and a task is not waited
 *   for, where Python's `await` runs or waits;
 * - a call that runs the loop, its Promise dropped (`asyncio.run(main());`): the lines
 *   after it run before the loop is done, where Python's call blocks.
 */
export function ignoredCoroutines(file: ts.SourceFile, checker: ts.TypeChecker): TypeDiagnostic[] {
  const out: TypeDiagnostic[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && ts.isCallExpression(node.expression)) {
      const call = node.expression;
      const type = checker.getTypeAtLocation(call);
      if (isCoroutineType(type, checker)) out.push(warning(call, file, "ignoredCoroutine"));
      // (Inside a coroutine, asyncio.run() is another mistake: the run fails, with its own hint.)
      else if (!enclosingFunction(node)?.asteriskToken && /^Promise</.test(checker.typeToString(type)) && fromLibrary(call, checker)) {
        out.push(warning(call, file, "unawaitedRun"));
      }
    } else if (ts.isAwaitExpression(node) && !enclosingFunction(node)?.asteriskToken) {
      // (Inside a function*, `await` is TypeScript's own error TS1308, with its hint.)
      const awaited = checker.getTypeAtLocation(node.expression);
      if (isCoroutineType(awaited, checker) || isLoopFuture(awaited)) out.push(warning(node, file, "awaitCoroutine"));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
