/**
 * Hovers on built-ins (`Array.prototype.map`, `Math.random`, `Promise.resolve`).
 *
 * The service's ES lib files have their doc comments taken out, so that it builds its
 * program in about half the time (build/declarations.ts). The comments are kept apart
 * instead, in a table made at site build time from TypeScript's own lib files with its
 * own checker, and read here only when a hover lands on a built-in. The table has two
 * parts, because a hover shows what TypeScript's quick info shows:
 *
 * - `signatures`: the own comment of each overload (a name declared as a function or
 *   method more than once, and call and construct signatures). Hovering a call shows
 *   the overload the call resolved to (`Promise.resolve(1)`: "Creates a new resolved
 *   promise for the provided value."), and when that overload has none, the first
 *   overload's.
 * - `symbols`: a name's comment, for everything else (`Math`, a property, a method
 *   with one signature and no comment of its own).
 *
 * Keys are the checker's qualified names (`PromiseConstructor.resolve`); a declaration
 * adds its lib file and its place among that name's declarations in the file, which
 * are the same whether or not the file has its comments.
 */
import ts from "typescript";

/** Where the table is among the service's starting files (JSON). */
export const BUILTIN_DOCS_PATH = "/builtin-docs.json";

/** One doc comment: its text, and its tags as (name, text) pairs. */
export interface BuiltinDoc {
  doc: string;
  tags: [string, string][];
}

/** The table: comments by declaration and by name (see above). */
export interface BuiltinDocTable {
  signatures: Record<string, BuiltinDoc>;
  symbols: Record<string, BuiltinDoc>;
}

/** The file name without its directory: `lib.es5.d.ts`. */
function baseName(file: ts.SourceFile): string {
  return file.fileName.slice(file.fileName.lastIndexOf("/") + 1);
}

/**
 * A function-like declaration's key: `lib.es2015.promise.d.ts#PromiseConstructor.resolve#1`
 * for the second `resolve` declared in that file; a call or construct signature has
 * none of its own, so it takes its container's name and `()` or `new`.
 */
function declarationKey(checker: ts.TypeChecker, decl: ts.SignatureDeclaration): string | null {
  const file = decl.getSourceFile();
  if (decl.name !== undefined) {
    const symbol = checker.getSymbolAtLocation(decl.name);
    if (symbol === undefined) return null;
    const mine = (symbol.declarations ?? []).filter((d) => d.getSourceFile() === file);
    return `${baseName(file)}#${checker.getFullyQualifiedName(symbol)}#${mine.indexOf(decl)}`;
  }
  const parent = decl.parent;
  if (!ts.isInterfaceDeclaration(parent) && !ts.isTypeLiteralNode(parent)) return null;
  const owner = ts.isInterfaceDeclaration(parent) ? checker.getSymbolAtLocation(parent.name) : undefined;
  if (owner === undefined) return null;
  const same = parent.members.filter((m) => m.kind === decl.kind);
  const what = decl.kind === ts.SyntaxKind.ConstructSignature ? "new" : "()";
  return `${baseName(file)}#${checker.getFullyQualifiedName(owner)}.${what}#${same.indexOf(decl as ts.TypeElement)}`;
}

/**
 * A comment as the compiler gives it (display parts and tag infos), as plain text.
 * @example
 * docOf(info.documentation, info.tags); // { doc: "Suspend the calling coroutine ...", tags: [["example", "..."]] }
 */
export function docOf(parts: ts.SymbolDisplayPart[] = [], tags: ts.JSDocTagInfo[] = []): BuiltinDoc {
  return { doc: ts.displayPartsToString(parts), tags: tags.map((t) => [t.name, ts.displayPartsToString(t.text)]) };
}

const isEmpty = (d: BuiltinDoc): boolean => d.doc === "" && d.tags.length === 0;

/**
 * True if `decl` is one of several signatures under its name. A lone signature's
 * comment is its name's, which `symbols` holds already: the table keeps it once.
 */
function isOverload(checker: ts.TypeChecker, decl: ts.SignatureDeclaration): boolean {
  if (decl.name === undefined) return true; // call and construct signatures: by place
  const symbol = checker.getSymbolAtLocation(decl.name);
  return (symbol?.declarations ?? []).filter(ts.isFunctionLike).length > 1;
}

/**
 * The table for a program over TypeScript's own lib files (with their comments).
 * @example
 * collectBuiltinDocs(program).symbols["Math.random"].doc; // "Returns a pseudorandom number between 0 and 1."
 */
export function collectBuiltinDocs(program: ts.Program): BuiltinDocTable {
  const checker = program.getTypeChecker();
  const table: BuiltinDocTable = { signatures: {}, symbols: {} };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && !ts.isFunctionTypeNode(node) && !ts.isConstructorTypeNode(node) && isOverload(checker, node)) {
      const key = declarationKey(checker, node);
      const signature = checker.getSignatureFromDeclaration(node);
      if (key !== null && signature !== undefined) {
        const doc = docOf(signature.getDocumentationComment(checker), signature.getJsDocTags());
        if (!isEmpty(doc)) table.signatures[key] = doc;
      }
    }
    const name = (node as { name?: ts.Node }).name;
    const symbol = name !== undefined ? checker.getSymbolAtLocation(name) : undefined;
    if (symbol !== undefined) {
      const key = checker.getFullyQualifiedName(symbol);
      if (!Object.hasOwn(table.symbols, key)) {
        const doc = docOf(symbol.getDocumentationComment(checker), symbol.getJsDocTags(checker));
        if (!isEmpty(doc)) table.symbols[key] = doc;
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) visit(file);
  return table;
}

/** An ES lib file of the service's (`/lib.es5.d.ts`). */
const isLibFile = (node: ts.Node): boolean => /^\/lib\.[^/]+\.d\.ts$/.test(node.getSourceFile().fileName);

/**
 * The innermost node of `file` that spans `pos`; right after a name (a cursor at the end
 * of `random`), that name, as quick info reads the position.
 */
function nodeAt(file: ts.SourceFile, pos: number): ts.Node {
  let found: ts.Node = file;
  const visit = (node: ts.Node): void => {
    if (pos < node.getStart(file) || pos > node.getEnd()) return;
    if (pos === node.getEnd() && !ts.isIdentifier(node)) {
      ts.forEachChild(node, visit); // only a name may end at `pos`
      return;
    }
    found = node;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return found;
}

/** The call or `new` whose callee `node` names (`f` in `f()`, `map` in `xs.map()`), if any. */
function callOf(node: ts.Node): ts.CallLikeExpression | null {
  let callee: ts.Node = node;
  if (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) callee = node.parent;
  const call = callee.parent;
  if ((ts.isCallExpression(call) || ts.isNewExpression(call)) && call.expression === callee) return call;
  return null;
}

/**
 * The table, parsed on the first hover that needs it, and the lookup.
 * @example
 * const docs = new BuiltinDocs(files[BUILTIN_DOCS_PATH]);
 * docs.at(program, file, pos); // { doc: "Calls a defined callback function ...", tags: [...] }
 */
export class BuiltinDocs {
  private text: string | undefined;
  private table: BuiltinDocTable | null = null;

  constructor(text: string | undefined) {
    this.text = text;
  }

  private load(): BuiltinDocTable {
    if (this.table === null) {
      this.table = this.text === undefined ? { signatures: {}, symbols: {} } : (JSON.parse(this.text) as BuiltinDocTable);
      this.text = undefined;
    }
    return this.table;
  }

  /** The doc comment TypeScript's quick info would show at `pos`, if a built-in is there. */
  at(program: ts.Program, file: ts.SourceFile, pos: number): BuiltinDoc | null {
    const checker = program.getTypeChecker();
    const node = nodeAt(file, pos);
    const symbol = checker.getSymbolAtLocation(node);
    if (symbol === undefined) return null;
    const call = callOf(node);
    return this.of(checker, symbol, call !== null ? checker.getResolvedSignature(call)?.declaration : undefined);
  }

  /**
   * The doc comment of `symbol`, if it is a built-in: the overload `signature` when a
   * call resolved to one, else as quick info shows a name (an overloaded one: its first
   * overload's words).
   */
  of(checker: ts.TypeChecker, symbol: ts.Symbol, signature?: ts.SignatureDeclaration | ts.JSDocSignature): BuiltinDoc | null {
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    if (!symbol.declarations?.some(isLibFile)) return null;
    const table = this.load();
    const ownKey = signature !== undefined && !ts.isJSDocSignature(signature) && isLibFile(signature) ? declarationKey(checker, signature) : null;
    const own = ownKey !== null ? table.signatures[ownKey] : undefined;
    if (own !== undefined) return own;
    const overloads = symbol.declarations.filter(ts.isFunctionLike);
    if (overloads.length > 1) {
      const firstKey = declarationKey(checker, overloads[0]);
      const first = firstKey !== null ? table.signatures[firstKey] : undefined;
      return first !== undefined ? { doc: first.doc, tags: first.tags.filter(([name]) => name !== "deprecated") } : null;
    }
    const key = checker.getFullyQualifiedName(symbol);
    return Object.hasOwn(table.symbols, key) ? table.symbols[key] : null;
  }
}
