/**
 * Messages between the page and the type service's worker (./worker.ts). Every request
 * carries the editor's whole code, so the worker never holds a stale copy; its answer
 * carries the request's id.
 */

/** Hints the site adds next to a compiler message: the Python-to-loop-library mapping. */
export type HintKey = "yieldStar" | "awaitInCoroutine" | "asyncDef" | "ignoredCoroutine" | "awaitCoroutine" | "unawaitedRun";

export type Request =
  | { id: number; kind: "diagnostics"; code: string }
  | { id: number; kind: "hover"; code: string; pos: number }
  | { id: number; kind: "complete"; code: string; pos: number; explicit: boolean }
  /** What the completion list shows beside its selected option (`name`, completed at `pos`). */
  | { id: number; kind: "detail"; code: string; pos: number; name: string };

export interface TypeDiagnostic {
  from: number;
  to: number;
  severity: "error" | "warning" | "info";
  /** The compiler's own text (with its elaboration), or "" for the site's own check. */
  message: string;
  /** The same in TypeScript's own Korean translation (./korean.ts), level by level; English where it has none. */
  messageKo: string;
  /** The compiler's error code (TS2322), or 0 for the site's own check. */
  code: number;
  hint: HintKey | null;
}

/** A symbol's signature and doc comment, as a hover or the completion list shows them. */
export interface SymbolInfo {
  /** The signature, as the compiler prints it: `function asyncio.sleep<T>(...): Coroutine<T>`. */
  signature: string;
  /** The doc comment's text. */
  doc: string;
  /** `Python: ...` lines from the doc comment, without the prefix. */
  python: string[];
  /** `@example` code, with the Python lines taken out. */
  examples: string[];
}

export interface HoverAnswer extends SymbolInfo {
  from: number;
  to: number;
}

export interface CompletionAnswer {
  from: number;
  options: { label: string; type?: string; boost?: number }[];
}

export type Response =
  | { id: number; kind: "diagnostics"; diagnostics: TypeDiagnostic[] }
  | { id: number; kind: "hover"; hover: HoverAnswer | null }
  | { id: number; kind: "complete"; completion: CompletionAnswer | null }
  | { id: number; kind: "detail"; detail: SymbolInfo | null }
  | { id: number; kind: "failed"; message: string }
  /** A diagnostics request overtaken by a later one before it was checked (./worker.ts). */
  | { id: number; kind: "superseded" };

/** The worker's script in the site's `_runner/` directory (src/runner/paths.ts). */
export const TYPECHECK_FILE = "typecheck.js";

/** The one file the reader edits, in the service's virtual file system. */
export const USER_PATH = "/example.ts";
