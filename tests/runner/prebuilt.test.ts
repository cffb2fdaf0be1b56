/**
 * The prebuilt bundles the site serves: every example bundles with the same options the
 * browser uses, leaves the library out (it reads the shared copy from the global slot),
 * prints its expected.txt when run, and maps a runtime error back to its line.
 */
import { afterEach, describe, expect, it } from "vitest";
import * as asyncio from "asyncio";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { format } from "node:util";
import { runInThisContext } from "node:vm";
import { buildProgram } from "../../src/runner/build/prebuild";
import { LIBRARY_GLOBAL, USER_FILE } from "../../src/runner/protocol";
import { locateInStack, readInlineMap, SourceMapper } from "../../src/runner/sourcemap";
import { listExampleIds, loadExample } from "../../src/lib/examples";

const dir = mkdtempSync(join(tmpdir(), "runner-prebuilt-"));
let counter = 0;

async function runBundle(code: string): Promise<{ printed: string[]; error: unknown }> {
  (globalThis as Record<string, unknown>)[LIBRARY_GLOBAL] = asyncio;
  asyncio.configure({ clock: "virtual" });
  const file = join(dir, `program-${counter++}.mjs`);
  writeFileSync(file, code);
  const printed: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => printed.push(format(...args));
  let error: unknown = null;
  try {
    await import(pathToFileURL(file).href);
  } catch (e) {
    error = e;
  } finally {
    console.log = log;
  }
  return { printed, error };
}

afterEach(() => asyncio.configure({ clock: "real" }));

describe("prebuilt example bundles", () => {
  const ids = listExampleIds();

  it("there are examples to build", () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  for (const id of ids) {
    it(`${id}: bundles without the library and prints its expected output`, async () => {
      const example = loadExample(id);
      const code = await buildProgram(example.ts);
      expect(code).not.toMatch(/class Future\b|_runOnce/);
      if (/from "asyncio"/.test(example.ts)) expect(code).toContain(LIBRARY_GLOBAL);
      expect(readInlineMap(code)?.sources).toContain(USER_FILE);
      // Vite would apply the inline map itself (and warn); the output does not need it.
      const { printed, error } = await runBundle(code.replace(/\/\/# sourceMappingURL=\S+\s*$/, ""));
      expect(error).toBeNull();
      expect(printed.join("\n").split("\n")).toEqual(example.expected.replace(/\s+$/, "").split("\n"));
    });
  }

  it("maps a runtime error to the reader's line", async () => {
    const source = ["// one", "// two", "function fail(): never {", "  throw new Error('here');", "}", "fail();"].join("\n");
    const code = await buildProgram(source);
    // Evaluated outside Vite (which would map the stack itself), like the sandbox's import().
    let error: unknown = null;
    try {
      runInThisContext(code, { filename: "program.js" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const map = readInlineMap(code);
    const at = locateInStack((error as Error).stack ?? "", "program.js", map ? new SourceMapper(map) : null, USER_FILE);
    expect(at).toEqual({ line: 4, column: 9 });
  });

  it("names a coroutine after its generator function, as Python's __name__ does", async () => {
    const source = [
      `import * as asyncio from "asyncio";`,
      `function* boom() { yield* asyncio.sleep(0); throw new Error("x"); }`,
      `function* main() {`,
      `  const task = asyncio.createTask(boom());`,
      `  yield* asyncio.sleep(0.1);`,
      `  console.log(String(task));`,
      `  console.log((boom() as unknown as { __name__: string }).__name__);`,
      `  task.exception();`,
      `}`,
      `await asyncio.run(main());`,
    ].join("\n");
    const { printed, error } = await runBundle(await buildProgram(source));
    expect(error).toBeNull();
    expect(printed).toHaveLength(2);
    expect(printed[0]).toMatch(/^<Task finished name='Task-\d+' coro=<boom\(\) done> exception=Error\('x'\)>$/);
    expect(printed[1]).toBe("boom");
  });

  it("refuses imports other than asyncio, naming the only one allowed", async () => {
    await expect(buildProgram(`import fs from "node:fs";\nconsole.log(fs);`)).rejects.toThrow(/only "asyncio" can be imported/);
  });
});

process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
