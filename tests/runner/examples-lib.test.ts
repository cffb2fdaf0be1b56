/** Build-time loading of examples: clear errors for an author's mistakes. */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashText, listExampleIds, loadExample } from "../../src/lib/examples";

function fixture(meta: unknown): string {
  const root = mkdtempSync(join(tmpdir(), "examples-"));
  const dir = join(root, "content", "examples", "demo");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "example.ts"), "console.log(1);\n");
  writeFileSync(join(dir, "example.py"), "print(1)\n");
  writeFileSync(join(dir, "expected.txt"), "1\n");
  writeFileSync(join(dir, "meta.json"), typeof meta === "string" ? meta : JSON.stringify(meta));
  return root;
}

const good = {
  title: { ko: "제목", en: "Title" },
  caption: { ko: "설명", en: "Caption" },
  clock: "virtual",
  section: "generator",
};

describe("loadExample", () => {
  it("loads a complete example", () => {
    const root = fixture(good);
    const example = loadExample("demo", root);
    expect(example.meta).toEqual(good);
    expect(example.hash).toBe(hashText("console.log(1);\n"));
    expect(listExampleIds(root)).toEqual(["demo"]);
  });

  it("names the unknown id and the known ones", () => {
    const root = fixture(good);
    expect(() => loadExample("dem", root)).toThrow(/no folder content\/examples\/dem\/.*Did you mean "demo"/);
  });

  it("rejects a meta.json without both languages, a bad clock or bad JSON", () => {
    expect(() => loadExample("demo", fixture({ ...good, title: { ko: "제목" } }))).toThrow(/"title" must be/);
    expect(() => loadExample("demo", fixture({ ...good, clock: "fast" }))).toThrow(/"clock" must be/);
    expect(() => loadExample("demo", fixture("{"))).toThrow(/not valid JSON/);
  });

  it("hashes like FNV-1a", () => {
    expect(hashText("")).toBe("811c9dc5");
    expect(hashText("a")).toBe("e40c292c");
  });
});
