import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { VARIANTS, standardSpelling } from "../../src/components/client/korean-variants";
import { searchTerm } from "../../src/components/client/search-term";

const ROOT = join(import.meta.dirname, "../..");

/** The intro glossary's rows: (the term used, the spellings not used), from its Markdown table. */
function glossary(): [string, string[]][] {
  const mdx = readFileSync(join(ROOT, "content/pages/intro.mdx"), "utf8");
  const start = mdx.indexOf("| 한국어 용어 | 영어 용어 | 파이썬 이름 | 쓰지 않는 표기 |");
  expect(start).toBeGreaterThan(0);
  const rows = mdx.slice(start).split("\n").slice(2);
  const out: [string, string[]][] = [];
  for (const row of rows) {
    if (!row.startsWith("|")) break;
    const cells = row.split("|").slice(1, -1).map((c) => c.trim());
    out.push([cells[0], [...cells[3].matchAll(/`([^`]+)`/g)].map((m) => m[1])]);
  }
  return out;
}

describe("Korean spellings the site does not use, in search", () => {
  it("reads every spelling the glossary lists as unused as the glossary's term (the 준비 forms left out)", () => {
    const expected = glossary().flatMap(([term, variants]) =>
      variants.filter((v) => !v.startsWith("준비")).map((v) => [v, term] as const));
    expect(expected.length).toBeGreaterThan(15);
    expect([...VARIANTS].map(([v, t]) => `${v} → ${t}`)).toEqual(expected.map(([v, t]) => `${v} → ${t}`));
  });

  it("replaces a variant inside a longer term, keeping its particle, before the particle is cut", () => {
    expect(standardSpelling("제네레이터를 쓰는 이벤트루프")).toBe("제너레이터를 쓰는 이벤트 루프");
    expect(searchTerm("제네레이터를", "ko")).toBe("제너레이터");
    expect(searchTerm("이벤트루프가", "ko")).toBe("이벤트 루프");
    expect(searchTerm("비동기 컨텍스트 관리자", "both")).toBe("비동기 컨텍스트 매니저");
    expect(searchTerm("event loop", "en")).toBe("event loop");
  });
});
