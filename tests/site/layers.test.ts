/**
 * The layers of src/ and what may import what (CONTRIBUTING.md draws the same map).
 * Every import in every src file — static, dynamic and `import type` — is resolved to
 * the layer it lands in; an arrow the table does not allow fails the test.
 *
 *   asyncio ← visualizer ← runner ← components ← layouts ← pages
 *   typecheck (the editor's type service) sits beside runner: runner's build step and
 *   components may import it; it reads only i18n and lib
 *   (i18n and lib are leaves anyone above them may read; the library reads nothing)
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../../src");

/** Each layer and the layers it may import (itself always allowed). */
const MAY_IMPORT: Record<string, string[]> = {
  asyncio: [],
  i18n: [],
  lib: [],
  visualizer: ["asyncio", "i18n"],
  typecheck: ["i18n", "lib"],
  runner: ["asyncio", "i18n", "visualizer", "lib", "typecheck"],
  components: ["asyncio", "i18n", "visualizer", "runner", "typecheck", "lib", "styles"],
  layouts: ["components", "i18n", "lib", "styles"],
  pages: ["components", "layouts", "i18n", "lib", "runner"],
  styles: [],
  "content.config.ts": ["lib"],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|astro|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The layer a path under src/ belongs to (its first directory, or the file's own name at the top). */
function layerOf(path: string): string {
  return relative(SRC, path).split(sep)[0];
}

/** Every module specifier a file imports (comments, where examples quote imports, are left out). */
function specifiers(text: string): string[] {
  const source = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const found = new Set<string>();
  for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*["']([^"']+)["']/g)) found.add(m[1]);
  for (const m of source.matchAll(/(?:^|[\s;(])import\s*\(\s*["']([^"']+)["']\s*\)/g)) found.add(m[1]);
  for (const m of source.matchAll(/(?:^|[\s;])import\s+["']([^"']+)["']/g)) found.add(m[1]);
  return [...found];
}

function crossings(): string[] {
  const wrong: string[] = [];
  for (const file of files(SRC)) {
    const from = layerOf(file);
    const allowed = MAY_IMPORT[from];
    if (!allowed) {
      wrong.push(`${relative(SRC, file)}: layer "${from}" is not on the map`);
      continue;
    }
    for (const spec of specifiers(readFileSync(file, "utf8"))) {
      // `asyncio` is the library's alias (the sandbox runtime and readers' programs import it so).
      const to = spec === "asyncio" ? "asyncio" : spec.startsWith(".") ? layerOf(resolve(dirname(file), spec)) : null;
      if (to === null || to === from || allowed.includes(to)) continue;
      wrong.push(`${relative(SRC, file)} imports ${spec} (${from} → ${to})`);
    }
  }
  return wrong;
}

describe("layers", () => {
  it("finds imports of every kind", () => {
    expect(specifiers(`/** import x from "./x"; */\nimport a from "./a";\nimport type { B } from '../b';\nconst c = import("./c");\nimport "./d.css";`)).toEqual([
      "./a",
      "../b",
      "./c",
      "./d.css",
    ]);
  });

  it("no import crosses a layer the wrong way", () => {
    expect(crossings()).toEqual([]);
  });

  it("the library never imports the site, nor anything outside itself", () => {
    const outside = files(join(SRC, "asyncio")).flatMap((f) =>
      specifiers(readFileSync(f, "utf8")).filter((s) => !s.startsWith("./")).map((s) => `${relative(SRC, f)}: ${s}`),
    );
    expect(outside).toEqual([]);
  });
});
