/**
 * The type service itself: TypeScript's language service over a virtual file system
 * (`@typescript/vfs`) holding the loop library's declarations, the ES2022 lib files,
 * `console`, and the reader's one file. Answers diagnostics, hovers and completions.
 * Runs in the worker (./worker.ts); plain enough to run in Node for tests.
 */
import { createSystem, createVirtualTypeScriptEnvironment, type VirtualTypeScriptEnvironment } from "@typescript/vfs";
import { getAutocompletion } from "@valtown/codemirror-ts/worker";
import ts from "typescript";
import { flatten, hintFor, ignoredCoroutines } from "./checks";
import { BUILTIN_DOCS_PATH, BuiltinDocs, docOf, type BuiltinDoc } from "./builtin-docs";
import { KOREAN_MESSAGES_PATH, KoreanMessages } from "./korean";
import { USER_PATH, type CompletionAnswer, type HoverAnswer, type SymbolInfo, type TypeDiagnostic } from "./protocol";

/** As the twins are checked in the repository (tsconfig, strict) and bundled (ES2022). */
export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
};

const SEVERITY: Record<ts.DiagnosticCategory, TypeDiagnostic["severity"]> = {
  [ts.DiagnosticCategory.Error]: "error",
  [ts.DiagnosticCategory.Warning]: "warning",
  [ts.DiagnosticCategory.Suggestion]: "info",
  [ts.DiagnosticCategory.Message]: "info",
};

/**
 * A doc comment's text as prose: the line breaks the source wraps at become spaces, so
 * the tooltip wraps the text to its own width; a blank line, a list item or an indented
 * line keeps its break.
 * @example
 * reflow("Suspend the calling\ncoroutine.\n\n- one\n- two"); // "Suspend the calling coroutine.\n\n- one\n- two"
 */
export function reflow(text: string): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    const previous = out.at(-1);
    const breaks = previous === undefined || previous.trim() === "" || line.trim() === "" || /^\s*([-*•]|\d+[.)])\s|^\s{2,}/.test(line);
    if (breaks) out.push(line);
    else out[out.length - 1] = `${previous} ${line.trim()}`;
  }
  return out.join("\n");
}

/** What quick info and completion details both carry. */
interface Described {
  displayParts?: ts.SymbolDisplayPart[];
  documentation?: ts.SymbolDisplayPart[];
  tags?: ts.JSDocTagInfo[];
}

/**
 * A symbol as a hover shows it: the signature, the doc comment as prose, its `Python:`
 * lines and its examples apart. `builtin` is asked for the doc comment when the
 * compiler has none (a built-in: see ./builtin-docs.ts).
 * @example
 * present(languageService.getQuickInfoAtPosition(path, pos)!, () => null).python; // ["asyncio.sleep(delay, result=None)"]
 */
function present(info: Described, builtin: () => BuiltinDoc | null): SymbolInfo {
  const python: string[] = [];
  const examples: string[] = [];
  const notes: string[] = [];
  const take = (text: string): string =>
    text
      .split("\n")
      .filter((line) => {
        const m = /^\s*Python:\s*(.*)$/.exec(line);
        if (m) python.push(m[1]);
        return !m;
      })
      .join("\n")
      .trim();
  let { doc: documentation, tags } = docOf(info.documentation, info.tags);
  if (documentation === "" && tags.length === 0) {
    const found = builtin();
    if (found !== null) ({ doc: documentation, tags } = found);
  }
  for (const [name, text] of tags) {
    if (name === "example") {
      const code = take(text);
      if (code) examples.push(code);
    } else if (name !== "internal") {
      notes.push(`@${name} ${reflow(take(text))}`.trim());
    }
  }
  const doc = [reflow(take(documentation)), ...notes].filter(Boolean).join("\n\n");
  return { signature: ts.displayPartsToString(info.displayParts), doc, python, examples };
}

export class TypeService {
  private readonly env: VirtualTypeScriptEnvironment;
  private code = "\n";
  /** The doc comments the ES lib files here leave out (./builtin-docs.ts). */
  private readonly builtinDocs: BuiltinDocs;
  /** The compiler's messages in Korean (TypeScript's own translation). */
  private readonly korean: KoreanMessages;

  /** `files`: the virtual paths and texts from src/typecheck/build/declarations.ts. */
  constructor(files: Record<string, string>) {
    this.builtinDocs = new BuiltinDocs(files[BUILTIN_DOCS_PATH]);
    this.korean = new KoreanMessages(JSON.parse(files[KOREAN_MESSAGES_PATH] ?? "{}") as Record<string, string>);
    const map = new Map(Object.entries(files));
    map.delete(BUILTIN_DOCS_PATH);
    map.delete(KOREAN_MESSAGES_PATH);
    map.set(USER_PATH, "\n");
    const system = createSystem(map);
    this.env = createVirtualTypeScriptEnvironment(system, ["/console.d.ts", USER_PATH], ts, COMPILER_OPTIONS);
  }

  private sync(code: string): void {
    if (code === this.code) return;
    this.code = code;
    // An empty text would make the service drop the file; a lone newline keeps it.
    this.env.updateFile(USER_PATH, code === "" ? "\n" : code);
  }

  diagnostics(code: string): TypeDiagnostic[] {
    this.sync(code);
    const service = this.env.languageService;
    const file = this.env.getSourceFile(USER_PATH);
    if (!file) return [];
    const found = [...service.getSyntacticDiagnostics(USER_PATH), ...service.getSemanticDiagnostics(USER_PATH)];
    const out: TypeDiagnostic[] = [];
    for (const d of found) {
      if (d.start === undefined || d.length === undefined) continue;
      out.push({
        from: d.start,
        to: d.start + d.length,
        severity: SEVERITY[d.category],
        message: flatten(d.messageText, d.code),
        messageKo: flatten(d.messageText, d.code, (text, code) => this.korean.translate(text, code)),
        code: d.code,
        hint: hintFor(d, file),
      });
    }
    const checker = service.getProgram()?.getTypeChecker();
    if (checker) out.push(...ignoredCoroutines(file, checker));
    return out.sort((a, b) => a.from - b.from);
  }

  hover(code: string, pos: number): HoverAnswer | null {
    this.sync(code);
    const info = this.env.languageService.getQuickInfoAtPosition(USER_PATH, pos);
    if (!info) return null;
    const shown = present(info, () => {
      const program = this.env.languageService.getProgram();
      const file = program?.getSourceFile(USER_PATH);
      return program && file ? this.builtinDocs.at(program, file, pos) : null;
    });
    return { from: info.textSpan.start, to: info.textSpan.start + info.textSpan.length, ...shown };
  }

  /** What the completion list shows beside the option `name` offered at `pos`: as a hover. */
  detail(code: string, pos: number, name: string): SymbolInfo | null {
    this.sync(code);
    const service = this.env.languageService;
    const details = service.getCompletionEntryDetails(USER_PATH, pos, name, undefined, undefined, undefined, undefined);
    if (!details) return null;
    return present(details, () => {
      const symbol = service.getCompletionEntrySymbol(USER_PATH, pos, name, undefined);
      const checker = service.getProgram()?.getTypeChecker();
      return symbol && checker ? this.builtinDocs.of(checker, symbol) : null;
    });
  }

  async complete(code: string, pos: number, explicit: boolean): Promise<CompletionAnswer | null> {
    this.sync(code);
    const result = await getAutocompletion({ env: this.env, path: USER_PATH, context: { pos, explicit } });
    if (!result) return null;
    return {
      from: result.from,
      options: result.options.map((o) => ({ label: o.label, type: o.type, boost: o.boost })),
    };
  }
}
