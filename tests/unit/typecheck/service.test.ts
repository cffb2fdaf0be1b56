/**
 * The type service in Node, on the same files the site embeds in its worker: the
 * generated declarations, the mapping hints, the site's own ignored-coroutine check,
 * hovers with the library's doc comments, completion. Every example twin must come out
 * clean, so the service agrees with the repository's `tsc` on real code.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { listExampleIds, loadExample } from "../../../src/lib/examples";
import { libraryDeclarations, serviceFiles } from "../../../src/typecheck/build/declarations";
import type { TypeDiagnostic } from "../../../src/typecheck/protocol";
import { TypeService } from "../../../src/typecheck/service";
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
    expect(tasks).not.toContain("_handleYield");
  });

  it("carry ES2022's lib files and console, and nothing of the DOM", () => {
    expect(Object.keys(files)).toContain("/lib.es2022.d.ts");
    expect(Object.keys(files)).toContain("/lib.es5.d.ts");
    expect(Object.keys(files)).toContain("/console.d.ts");
    expect(Object.keys(files).some((f) => f.includes("dom"))).toBe(false);
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

describe("hover and completion", () => {
  it("shows asyncio.sleep's doc comment, its Python line and its example", () => {
    const code = coroutine("  yield* asyncio.sleep(1);");
    const hover = service.hover(code, code.indexOf("sleep(1)") + 2);
    expect(hover?.signature).toContain("sleep<undefined>(delay: number, result?: undefined)");
    expect(hover?.doc).toContain("Suspend the calling coroutine");
    expect(hover?.python).toEqual(["asyncio.sleep(delay, result=None)"]);
    expect(hover?.examples[0]).toContain("yield* asyncio.sleep(1)");
  });

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
