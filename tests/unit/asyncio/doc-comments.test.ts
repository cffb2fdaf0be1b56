// Every name a module of the library exports carries a doc comment with an @example:
// the editor's hover shows the public ones to readers, and the house style asks for a
// small example on every export, internal ones included. Read with the TypeScript
// compiler, so a comment that drifted away from its declaration does not count.
import ts from "typescript";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const LIB = resolve(__dirname, "../../../src/asyncio");

/** `module: name` for every export of every module without an @example on any of its declarations. */
function exportsWithoutExample(): { total: number; missing: string[] } {
  const files = readdirSync(LIB).filter((f) => f.endsWith(".ts")).map((f) => join(LIB, f));
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  let total = 0;
  for (const file of files) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`${file} is not a module`);
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      // Only declarations made here: a re-export is checked where it is declared.
      const declarations = (target.getDeclarations() ?? []).filter((d) => d.getSourceFile() === source);
      if (declarations.length === 0) continue;
      total++;
      // An overloaded function counts when any of its signatures has the example.
      const hasExample = declarations.some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === "example"));
      if (!hasExample) missing.push(`${file.slice(LIB.length + 1)}: ${symbol.getName()}`);
    }
  }
  return { total, missing };
}

describe("doc comments", () => {
  it("every export of every module of the library has a doc comment with an @example", () => {
    const { total, missing } = exportsWithoutExample();
    expect(total).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });
});
