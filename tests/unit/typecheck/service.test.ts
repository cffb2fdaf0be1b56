/**
 * The type service in Node, on the same files the site embeds in its worker: the
 * generated declarations, the mapping hints, the site's own ignored-coroutine check,
 * hovers with the library's doc comments, completion. Every example twin must come out
 * clean, so the service agrees with the repository's `tsc` on real code.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listExampleIds, loadExample } from "../../../src/lib/examples";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import { koreanTemplates, libFiles, libraryDeclarations, serviceFiles, withoutDocComments } from "../../../src/typecheck/build/declarations";
import { KoreanMessages } from "../../../src/typecheck/korean";
import { BUILTIN_DOCS_PATH } from "../../../src/typecheck/builtin-docs";
import type { TypeDiagnostic } from "../../../src/typecheck/protocol";
import { TypeService, reflow } from "../../../src/typecheck/service";
import { ROOT } from "../../browser/lib";

let files: Record<string, string>;
let service: TypeService;

beforeAll(() => {
  files = serviceFiles(ROOT);
  service = new TypeService(files);
}, 120_000);

const lineOf = (code: string, d: TypeDiagnostic): number => code.slice(0, d.from).split("\n").length;
const coroutine = (body: string): string =>
  `import * as asyncio from "asyncio";\nfunction* main(): asyncio.Coroutine<void> {\n${body}\n}\nawait asyncio.run(main());\n`;

describe("generated declarations", () => {
  it("come from src/asyncio/ with doc comments, without @internal members", () => {
    const decls = libraryDeclarations(ROOT);
    const sleep = decls.get("/node_modules/asyncio/sleep.d.ts") ?? "";
    expect(sleep).toContain("export declare function sleep<T = undefined>(delay: number, result?: T): Coroutine<T>;");
    expect(sleep).toContain("Python: asyncio.sleep(delay, result=None)");
    const tasks = decls.get("/node_modules/asyncio/tasks.d.ts") ?? "";
    expect(tasks).toContain("class Task<");
    expect(tasks).not.toMatch(/_futWaiter\s*:/); // an @internal field: no declaration
    // No member of the library's own shows in a reader's completions (`loop._hostYields`).
    const underscored = [...decls].flatMap(([path, text]) =>
      [...text.matchAll(/^\s+(?:(?:readonly|static|protected|get|set)\s+)*(_\w+)\b/gm)].map((m) => `${path}: ${m[1]}`),
    );
    expect(underscored).toEqual([]);
  });

  it("carry ES2022's lib files and console, and nothing of the DOM", () => {
    expect(Object.keys(files)).toContain("/lib.es2022.d.ts");
    expect(Object.keys(files)).toContain("/lib.es5.d.ts");
    expect(Object.keys(files)).toContain("/console.d.ts");
    expect(Object.keys(files).some((f) => f.includes("dom"))).toBe(false);
  });
});

/** Every global a program sees with `files` as its lib, each with the type the checker gives it. */
function globalsOf(files: Map<string, string>): string[] {
  const options: ts.CompilerOptions = { lib: ["lib.es2022.d.ts"], types: [], noEmit: true, strict: true };
  const host = ts.createCompilerHost(options);
  host.getDefaultLibLocation = () => "/";
  host.getDefaultLibFileName = () => "/lib.es2022.d.ts";
  host.fileExists = (f) => files.has(f) || f === "/probe.ts";
  host.readFile = (f) => (f === "/probe.ts" ? "export {};\n" : files.get(f));
  host.getSourceFile = (f, target) => {
    const text = host.readFile(f);
    return text === undefined ? undefined : ts.createSourceFile(f, text, target);
  };
  const program = ts.createProgram(["/probe.ts"], options, host);
  const checker = program.getTypeChecker();
  const probe = program.getSourceFile("/probe.ts")!;
  const flags = ts.SymbolFlags.Value | ts.SymbolFlags.Type;
  return checker
    .getSymbolsInScope(probe, flags)
    .map((s) => {
      const value = s.flags & ts.SymbolFlags.Value ? checker.typeToString(checker.getTypeOfSymbol(s), undefined, ts.TypeFormatFlags.NoTruncation) : "";
      const type = s.flags & ts.SymbolFlags.Type ? checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(s)).map((p) => p.name.replace(/@\d+$/, "")).sort().join(",") : "";
      return `${s.name}: ${value} | ${type}`;
    })
    .sort();
}

describe("lib files without doc comments", () => {
  it("declare the same globals, with the same types and members, as TypeScript's own", () => {
    const dir = dirname(createRequire(import.meta.url).resolve("typescript/lib/lib.d.ts"));
    const stripped = libFiles();
    const original = new Map([...stripped.keys()].map((f) => [f, readFileSync(join(dir, f.slice(1)), "utf8")]));
    expect(stripped.size).toBeGreaterThan(40);
    const theirs = globalsOf(original);
    expect(theirs.length).toBeGreaterThan(100);
    expect(theirs.some((g) => g.startsWith("Promise: PromiseConstructor"))).toBe(true);
    expect(globalsOf(stripped)).toEqual(theirs);
    // Comments are gone, the directives and the license header stay.
    const es5 = stripped.get("/lib.es5.d.ts") ?? "";
    expect(es5.length).toBeLessThan(original.get("/lib.es5.d.ts")!.length / 2);
    expect(es5).not.toContain("/**");
    expect(es5).toContain('/// <reference no-default-lib="true"/>');
    expect(es5).toContain("Licensed under the Apache License, Version 2.0");
    expect(withoutDocComments('/// <reference lib="es5" />\n/** Doc. */\ndeclare var x: number; // note\n')).toBe(
      '/// <reference lib="es5" />\ndeclare var x: number;\n',
    );
  });
});

describe("diagnostics", () => {
  it("reports a type error on its line with the compiler's message", () => {
    const code = `const ok = 1;\nconst n: number = "one";\nconsole.log(ok, n);\n`;
    const found = service.diagnostics(code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 2322, severity: "error", hint: null, message: "Type 'string' is not assignable to type 'number'." });
    expect(lineOf(code, found[0])).toBe(2);
  });

  it("gives each compiler message in TypeScript's own Korean too, every level of its elaboration, with the values filled in", () => {
    const found = service.diagnostics(`const n: number = "one";
prnt(n);
`);
    expect(found.map((d) => d.messageKo)).toEqual(["'string' 형식은 'number' 형식에 할당할 수 없습니다.", "'prnt' 이름을 찾을 수 없습니다."]);
    // A chain: the object's type, then the property that does not fit, each level in Korean.
    const [chain] = service.diagnostics(`const p: { a: number } = { a: "x" } as { a: string };
`);
    expect(chain.message.split("\n")).toEqual([
      "Type '{ a: string; }' is not assignable to type '{ a: number; }'.",
      "  Types of property 'a' are incompatible.",
      "    Type 'string' is not assignable to type 'number'.",
    ]);
    expect(chain.messageKo.split("\n")).toEqual([
      "'{ a: string; }' 형식은 '{ a: number; }' 형식에 할당할 수 없습니다.",
      "  'a' 속성의 형식이 호환되지 않습니다.",
      "    'string' 형식은 'number' 형식에 할당할 수 없습니다.",
    ]);
  });

  it("reads the values back out of every one of the compiler's messages that has a Korean template", () => {
    const templates = koreanTemplates();
    const korean = new KoreanMessages(templates);
    const english = Object.values((ts as unknown as { Diagnostics: Record<string, { code: number; message: string }> }).Diagnostics);
    const wrong: string[] = [];
    let checked = 0;
    for (const { code, message } of english) {
      const ko = templates[code];
      if (ko === undefined) continue;
      checked++;
      // Values with the characters a type prints: quotes, braces, dots, parentheses.
      const value = (slot: string): string => `{ v${slot}: A.B<"x" | (y)> }`;
      const filled = message.replace(/\{(\d+)\}/g, (_, slot: string) => value(slot));
      const expected = ko.replace(/\{(\d+)\}/g, (_, slot: string) => value(slot));
      const got = korean.translate(filled, code);
      if (got !== expected) wrong.push(`${code}: ${got}`);
    }
    expect(checked).toBeGreaterThan(2000);
    expect(wrong).toEqual([]);
    // A code with no Korean template, or a text that is not its code's, stays as it was.
    expect(korean.translate("Something else.", 2304)).toBe("Something else.");
    expect(korean.translate("Cannot find name 'x'.", 999_999)).toBe("Cannot find name 'x'.");
  });

  it.each([
    ["a coroutine", "  yield asyncio.sleep(1);"],
    ["a future", "  const f = asyncio.getRunningLoop().createFuture<number>();\n  yield f;"],
    ["a task", "  const t = asyncio.createTask(asyncio.sleep(1));\n  yield t;"],
  ])("makes a bare `yield` of %s a type error with the yield* hint", (_, body) => {
    const code = coroutine(body);
    const found = service.diagnostics(code);
    expect(found.map((d) => d.hint)).toEqual(["yieldStar"]);
    expect(found[0].message).toContain("Suspension");
    expect(code.slice(found[0].from, found[0].to)).not.toContain("yield");
  });

  it("catches the bare yield through an unannotated coroutine handed to asyncio.run", () => {
    const code = `import * as asyncio from "asyncio";\nfunction* main() {\n  yield asyncio.sleep(1);\n}\nawait asyncio.run(main());\n`;
    const found = service.diagnostics(code);
    expect(found.map((d) => [d.hint, lineOf(code, d)])).toEqual([["yieldStar", 5]]);
  });

  it("hints `yield*` for `await` inside a coroutine, not at a module's top level", () => {
    const found = service.diagnostics(coroutine("  await asyncio.sleep(1);"));
    expect(found.map((d) => [d.code, d.hint])).toEqual([[1308, "awaitInCoroutine"]]);
    const plain = service.diagnostics(`function f() {\n  await 1;\n}\nf();\n`);
    expect(plain.map((d) => [d.code, d.hint])).toEqual([[1308, null]]);
  });

  it("hints `function*` for an async function handed to the loop", () => {
    const found = service.diagnostics(`import * as asyncio from "asyncio";\nasync function main() {}\nawait asyncio.run(main());\n`);
    expect(found.map((d) => d.hint)).toEqual(["asyncDef"]);
  });

  it("warns about a coroutine called as a statement, and nothing else", () => {
    const code = coroutine(
      [
        "  asyncio.sleep(1);",
        "  helper();",
        "  asyncio.createTask(helper());",
        "  [1, 2].map((x) => x);",
        "  numbers();",
        "  yield* helper();",
      ].join("\n"),
    ) + `function* helper(): asyncio.Coroutine<number> { return 1; }\nfunction* numbers() { yield 1; }\n`;
    const found = service.diagnostics(code);
    expect(found.map((d) => [d.severity, d.hint, code.slice(d.from, d.to)])).toEqual([
      ["warning", "ignoredCoroutine", "asyncio.sleep(1)"],
      ["warning", "ignoredCoroutine", "helper()"],
    ]);
  });

  it("warns about a coroutine awaited with `await`, and a loop-running call whose Promise is dropped, and nothing else", () => {
    const code = [
      `import * as asyncio from "asyncio";`,
      `function* main(): asyncio.Coroutine<void> { yield* asyncio.sleep(1); }`,
      `await main();`,
      `asyncio.run(main());`,
      `const loop = asyncio.newEventLoop();`,
      `loop.runUntilComplete(main());`,
      `await asyncio.run(main());`,
      `await loop.runUntilComplete(main());`,
      `Promise.resolve(1);`,
      `await Promise.resolve(2);`,
      // Inside a coroutine asyncio.run() fails anyway (its own hint at run time); no "add await" here.
      `function* outer(): asyncio.Coroutine<void> { asyncio.run(main()); }`,
      `async function later(): Promise<void> { await asyncio.getRunningLoop().createTask(main()); await asyncio.gather(main()); }`,
    ].join("\n");
    const found = service.diagnostics(code);
    expect(found.map((d) => [d.severity, d.hint, code.slice(d.from, d.to)])).toEqual([
      ["warning", "awaitCoroutine", "await main()"],
      ["warning", "unawaitedRun", "asyncio.run(main())"],
      ["warning", "unawaitedRun", "loop.runUntilComplete(main())"],
      ["warning", "awaitCoroutine", "await asyncio.getRunningLoop().createTask(main())"],
      ["warning", "awaitCoroutine", "await asyncio.gather(main())"],
    ]);
    // A named import of the library's run is the library's too.
    const named = `import { run, sleep } from "asyncio";\nrun(sleep(1));\n`;
    expect(service.diagnostics(named).map((d) => [d.hint, named.slice(d.from, d.to)])).toEqual([["unawaitedRun", "run(sleep(1))"]]);
  });

  it("finds nothing to say about any example twin", () => {
    const ids = listExampleIds(ROOT);
    expect(ids.length).toBeGreaterThan(20);
    const noisy = ids
      .map((id) => ({ id, found: service.diagnostics(loadExample(id, ROOT).ts) }))
      .filter((r) => r.found.length > 0)
      .map((r) => `${r.id}: ${r.found.map((d) => d.message || d.hint).join("; ")}`);
    expect(noisy).toEqual([]);
  });
});

let reference: TypeService | null = null;

/** A service on TypeScript's own lib files, doc comments and all: what hovers should match. */
function referenceService(): TypeService {
  if (reference) return reference;
  const dir = dirname(createRequire(import.meta.url).resolve("typescript/lib/lib.d.ts"));
  const withDocs: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    if (path === BUILTIN_DOCS_PATH) continue;
    withDocs[path] = /^\/lib\.[^/]+\.d\.ts$/.test(path) ? readFileSync(join(dir, path.slice(1)), "utf8") : text;
  }
  reference = new TypeService(withDocs);
  return reference;
}

describe("hover and completion", () => {
  it("reflows a doc comment's wrapped lines, keeping blank lines, list items and indented lines", () => {
    expect(reflow("One sentence\nwrapped here.\n\nA second\nparagraph:\n- item one\n- item two\n    code line\n1. first")).toBe(
      "One sentence wrapped here.\n\nA second paragraph:\n- item one\n- item two\n    code line\n1. first",
    );
  });


  it("shows asyncio.sleep's doc comment, its Python line and its example", () => {
    const code = coroutine("  yield* asyncio.sleep(1);");
    const hover = service.hover(code, code.indexOf("sleep(1)") + 2);
    expect(hover?.signature).toContain("sleep<undefined>(delay: number, result?: undefined)");
    expect(hover?.doc).toContain("Suspend the calling coroutine");
    // One paragraph, wrapped by the tooltip rather than where the source comment wraps.
    expect(hover?.doc).toContain("the task runs again on the next turn. Longer sleeps wait on a future");
    expect(hover?.doc).not.toContain("\n");
    expect(hover?.python).toEqual(["asyncio.sleep(delay, result=None)"]);
    expect(hover?.examples[0]).toContain("yield* asyncio.sleep(1)");
  });

  it("shows a built-in's doc comment from the table, the same text TypeScript's own lib files give", () => {
    const code = [
      "const xs = [1, 2].map((x) => x * 2);",
      "const r = Math.random();",
      "const p = Promise.resolve(1);",
      "const s = JSON.stringify(xs);",
      "const m = new Map<string, number>();",
      "function mine(): number { return m.get(\"a\") ?? 0; }",
      "console.log(xs, r, p, s, \"a\".padStart(3), mine());",
      "const q = new Promise<number>((resolve) => resolve(Math.PI));",
      "console.log(q, parseInt(\"7\", 10), xs.includes(2), Object.entries({ a: 1 }), \"ab\".replaceAll(\"a\", \"b\"), xs.at(-1));",
      "",
    ].join("\n");
    const reference = referenceService();
    const words = ["map(", "random", "resolve", "stringify", "get(", "padStart", "Promise<number>", "PI", "parseInt", "includes", "entries", "replaceAll", "at("];
    for (const word of words) {
      const pos = code.indexOf(word) + 1;
      const ours = service.hover(code, pos);
      const theirs = reference.hover(code, pos);
      expect(theirs?.doc, word).not.toBe("");
      expect(ours?.doc, word).toBe(theirs?.doc);
      expect(ours?.signature, word).toBe(theirs?.signature);
    }
    // A position right after the name (where a keyboard user's cursor sits) means the name too.
    for (const word of ["random", "stringify", "padStart"]) {
      const end = code.indexOf(word) + word.length;
      const theirs = reference.hover(code, end);
      expect(theirs?.doc, word).not.toBe("");
      expect(service.hover(code, end)?.doc, word).toBe(theirs?.doc);
    }
    const map = service.hover(code, code.indexOf("map(") + 1);
    expect(map?.doc).toContain("Calls a defined callback function on each element of an array");
    expect(map?.doc).toContain("@param callbackfn A function that accepts up to three arguments.");
    // The reader's own function has no doc comment, and gets none from the table.
    expect(service.hover(code, code.indexOf("mine(") + 1)?.doc).toBe("");
  }, 60_000);

  it("describes a completion option as a hover would: the library's and a built-in's", () => {
    const code = `import * as asyncio from "asyncio";\nasyncio.`;
    const gather = service.detail(code, code.length, "gather");
    expect(gather?.signature).toContain("gather");
    expect(gather?.doc).toContain("Run the awaitables concurrently");
    expect(gather?.python[0]).toContain("asyncio.gather");
    const arr = `const xs = [1, 2];\nxs.`;
    const map = service.detail(arr, arr.length, "map");
    expect(map?.signature).toContain("map<U>");
    expect(map?.doc).toContain("Calls a defined callback function on each element of an array");
    // Built-ins, option by option, against TypeScript's own lib files.
    for (const [text, name] of [[arr, "map"], [arr, "includes"], ["Promise.", "resolve"], ["Math.", "random"], ["JSON.", "stringify"]]) {
      const theirs = referenceService().detail(text, text.length, name);
      expect(theirs?.doc, name).not.toBe("");
      expect(service.detail(text, text.length, name)?.doc, name).toBe(theirs?.doc);
    }
    expect(service.detail(code, code.length, "noSuchName")).toBeNull();
  }, 60_000);

  it("offers gather after `asyncio.`, and a task's methods after `task.`", async () => {
    const code = `import * as asyncio from "asyncio";\nasyncio.`;
    const names = (await service.complete(code, code.length, false))?.options.map((o) => o.label) ?? [];
    expect(names).toContain("gather");
    expect(names).toContain("sleep");
    const task = coroutine("  const t = asyncio.createTask(asyncio.sleep(1));\n  t.");
    const at = task.indexOf("t.\n") + 2;
    const methods = (await service.complete(task, at, false))?.options.map((o) => o.label) ?? [];
    expect(methods).toEqual(expect.arrayContaining(["cancel", "done", "result", "addDoneCallback"]));
  });
});
