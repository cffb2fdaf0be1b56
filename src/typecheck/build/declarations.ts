/**
 * What the type service knows, generated at site build time so it never drifts from the
 * code: the loop library's declarations (emitted by the TypeScript compiler from
 * `src/asyncio/`, `@internal` members stripped, doc comments kept), the ES library files
 * the twins compile against (ES2022, as the runner bundles them), and `console`.
 *
 * The result is a map of virtual paths to file texts, embedded in the service's worker:
 *
 *   /lib.es2022.d.ts …          ES2022 and every lib file it references (doc comments taken out)
 *   /builtin-docs.json          those doc comments, by the built-in's qualified name (for hovers)
 *   /console.d.ts               the sandbox's `console` (log, info, warn, error, debug)
 *   /node_modules/asyncio/*.d.ts  the loop library, `import * as asyncio from "asyncio"`
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import { BUILTIN_DOCS_PATH, collectBuiltinDocs, type BuiltinDocTable } from "../builtin-docs";
import { KOREAN_MESSAGES_PATH } from "../korean";

const require = createRequire(import.meta.url);

/** The ES library the twins use (the runner bundles them for ES2022). */
export const ES_LIB = "es2022";
/** Where the library's declarations live in the service's virtual file system. */
export const LIBRARY_DIR = "/node_modules/asyncio";

/** The sandbox's console: what a twin may call to print. */
const CONSOLE_DTS = `/** The sandbox's console: each call prints one line to the example's output. */
interface Console {
  /** Prints its arguments, separated by spaces. Python: print(*args) */
  log(...data: unknown[]): void;
  /** Like log. Python: print(*args) */
  info(...data: unknown[]): void;
  /** Prints a warning line. Python: print(*args, file=sys.stderr) */
  warn(...data: unknown[]): void;
  /** Prints an error line. Python: print(*args, file=sys.stderr) */
  error(...data: unknown[]): void;
  /** Like log. */
  debug(...data: unknown[]): void;
}
declare var console: Console;
`;

/**
 * A lib file without its doc comments: the same declarations, printed by the compiler,
 * behind the file's `///` directives and its license header (a `/*!` comment, which the
 * printer keeps). Doc comments are three fifths of ES2022's lib text, and the language
 * service parses every one of them when it builds the program: without them the
 * service starts in about half the time. The prose is kept apart, in `builtinDocs`,
 * for hovers on a built-in (`Array.prototype.map`). The loop library's declarations and
 * `console` keep theirs.
 */
export function withoutDocComments(text: string, fileName = "lib.d.ts"): string {
  const directives = text.match(/^\/\/\/\s*<reference[^\n]*$/gm) ?? [];
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const printed = ts.createPrinter({ removeComments: true }).printFile(file);
  return [...directives, printed.replace(/^\/\/\/\s*<reference[^\n]*\n/gm, "")].join("\n");
}

/** `lib.<name>.d.ts` and every lib file it references, transitively, without doc comments. */
export function libFiles(name: string = ES_LIB): Map<string, string> {
  const dir = dirname(require.resolve("typescript/lib/lib.d.ts"));
  const out = new Map<string, string>();
  const visit = (lib: string): void => {
    const file = `lib.${lib}.d.ts`;
    if (out.has(`/${file}`)) return;
    const text = readFileSync(join(dir, file), "utf8");
    out.set(`/${file}`, withoutDocComments(text, file));
    for (const m of text.matchAll(/^\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/gm)) visit(m[1]);
  };
  visit(name);
  return out;
}

/**
 * The doc comments `libFiles` takes out, as the table the service reads on a hover over
 * a built-in (../builtin-docs.ts), made from TypeScript's own lib files by its own checker.
 * @example
 * builtinDocs().symbols["Math.random"].doc; // "Returns a pseudorandom number between 0 and 1."
 */
export function builtinDocs(name: string = ES_LIB): BuiltinDocTable {
  const dir = dirname(require.resolve("typescript/lib/lib.d.ts"));
  const roots = [...libFiles(name).keys()].map((path) => join(dir, path.slice(1)));
  return collectBuiltinDocs(ts.createProgram(roots, { noLib: true, types: [], target: ts.ScriptTarget.ES2022 }));
}

/** The loop library's `.d.ts` files, emitted from `src/asyncio/*.ts` by tsc. */
export function libraryDeclarations(root: string): Map<string, string> {
  const dir = join(root, "src", "asyncio");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f));
  const program = ts.createProgram(files, {
    declaration: true,
    emitDeclarationOnly: true,
    stripInternal: true,
    removeComments: false,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // The implementation talks to its host (timers, MessageChannel, console); the
    // declarations it exports do not.
    lib: [`lib.${ES_LIB}.d.ts`, "lib.dom.d.ts"],
    strict: true,
    skipLibCheck: true,
    // tsc --noEmit checks the library; here only the declarations are wanted.
    noCheck: true,
    types: [],
  });
  const out = new Map<string, string>();
  const emitted = program.emit(undefined, (fileName, text) => {
    out.set(`${LIBRARY_DIR}/${fileName.slice(fileName.lastIndexOf("/") + 1)}`, text);
  });
  const problems = [...program.getSyntacticDiagnostics(), ...emitted.diagnostics];
  if (problems.length > 0 || !out.has(`${LIBRARY_DIR}/index.d.ts`)) {
    const text = ts.formatDiagnostics(problems, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => "\n",
    });
    throw new Error(`src/asyncio/ did not yield declarations:\n${text}`);
  }
  return out;
}

/** Every file the type service starts with, by virtual path. */
/**
 * TypeScript's Korean translation of its diagnostics, keyed by code (the package keys
 * them by name and code: `Cannot_find_name_0_2304`), for ../korean.ts.
 *
 *   koreanTemplates()[2304]; // "'{0}' 이름을 찾을 수 없습니다."
 */
export function koreanTemplates(): Record<string, string> {
  const file = join(dirname(require.resolve("typescript/lib/lib.d.ts")), "ko", "diagnosticMessages.generated.json");
  const byName = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  const byCode: Record<string, string> = {};
  for (const [name, text] of Object.entries(byName)) {
    const code = /_(\d+)$/.exec(name)?.[1];
    if (code) byCode[code] = text;
  }
  return byCode;
}

export function serviceFiles(root: string): Record<string, string> {
  return Object.fromEntries([
    ...libFiles(),
    [BUILTIN_DOCS_PATH, JSON.stringify(builtinDocs())],
    [KOREAN_MESSAGES_PATH, JSON.stringify(koreanTemplates())],
    ["/console.d.ts", CONSOLE_DTS],
    ...libraryDeclarations(root),
  ]);
}
