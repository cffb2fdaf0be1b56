// Every name the library exports (src/asyncio/index.ts) carries a doc comment with an
// @example: the editor's hover shows these comments to readers, and the house style
// asks for a small example on every export. Read with the TypeScript compiler, so a
// comment that drifted away from its declaration does not count.
import ts from "typescript";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const INDEX = resolve(__dirname, "../../../src/asyncio/index.ts");

function exportsWithoutExample(): { total: number; missing: string[] } {
  const program = ts.createProgram([INDEX], { target: ts.ScriptTarget.ES2022, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(INDEX);
  if (!source) throw new Error("index.ts not found");
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error("index.ts is not a module");
  const missing: string[] = [];
  const exported = checker.getExportsOfModule(moduleSymbol);
  for (const symbol of exported) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declarations = target.getDeclarations() ?? [];
    // An overloaded function counts when any of its signatures has the example.
    const hasExample = declarations.some((d) => ts.getJSDocTags(d).some((tag) => tag.tagName.text === "example"));
    if (!hasExample) missing.push(symbol.getName());
  }
  return { total: exported.length, missing };
}

describe("doc comments", () => {
  it("every export of the library has a doc comment with an @example", () => {
    const { total, missing } = exportsWithoutExample();
    expect(total).toBeGreaterThan(80);
    expect(missing).toEqual([]);
  });
});
