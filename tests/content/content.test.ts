// Content tests: the notes' 60 bullets and 3 numbered points are all carried, in order,
// by the bilingual MDX pages (through content/seed-map.json), and the pages follow the
// content format. The pages are parsed directly with the same MDX parser Astro uses
// (@mdx-js/mdx + remark-gfm); the site is not built.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile, createProcessor } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import type { Nodes, Root, RootContent } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { pageList } from "./page-list";

const root = fileURLToPath(new URL("../../", import.meta.url));
const contentDir = `${root}content`;

/** Every page of the content collection, in frontmatter `order` (see ./page-list.ts). */
const PAGE_LIST = pageList();
const SLUGS = PAGE_LIST.map((p) => p.slug);

/**
 * Each heading of the notes and the page that carries it (data about the notes, not a
 * page list: pages the notes have no heading for, such as the closing page, need no row).
 */
const SECTION_PAGE: Record<string, string> = {
  "event_loop를 위한 선수지식": "intro",
  "asyncio (1)": "intro",
  generator: "generator",
  coroutine: "coroutine",
  asyncio: "asyncio",
  "async, await": "async-await",
  "async internal": "async-internal",
  "async with, async for": "async-with-for",
  "코루틴과 제네레이터, async/await 키워드": "coroutines-and-generators",
};

const COMPONENTS = new Set(["Heading", "Pair", "Ko", "En", "Correction", "Example"]);
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// ---------------------------------------------------------------- the notes

interface NoteLine {
  kind: "bullet" | "point";
  section: string;
  text: string;
}

/** Every `- ` line (also indented ones) and `1. ` line outside code fences, with its heading. */
function readNotes(): { lines: NoteLine[]; headings: string[] } {
  const source = readFileSync(`${contentDir}/source/notes-ko.md`, "utf8");
  const lines: NoteLine[] = [];
  const headings: string[] = [];
  let section = "";
  let fenced = false;
  for (const line of source.split("\n")) {
    if (line.startsWith("```")) {
      fenced = !fenced;
      continue;
    }
    if (fenced) continue;
    const heading = /^#+\s+(.*\S)\s*$/.exec(line);
    if (heading) {
      section = heading[1];
      headings.push(section);
      continue;
    }
    const bullet = /^\s*- (.*)$/.exec(line);
    if (bullet) {
      lines.push({ kind: "bullet", section, text: bullet[1] });
      continue;
    }
    const point = /^\d+\. (.*)$/.exec(line);
    if (point) lines.push({ kind: "point", section, text: point[1] });
  }
  return { lines, headings };
}

// ---------------------------------------------------------------- the seed map

interface SeedEntry {
  n: number;
  kind: "bullet" | "point";
  section: string;
  source: string;
  page: string;
  pair: string;
  ko: string;
}

function isSeedEntry(x: unknown): x is SeedEntry {
  if (typeof x !== "object" || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.n === "number" &&
    (e.kind === "bullet" || e.kind === "point") &&
    ["section", "source", "page", "pair", "ko"].every((k) => typeof e[k] === "string")
  );
}

function readSeedMap(): SeedEntry[] {
  const data: unknown = JSON.parse(readFileSync(`${contentDir}/seed-map.json`, "utf8"));
  if (!Array.isArray(data)) throw new Error("content/seed-map.json must hold an array");
  return data.map((entry, i) => {
    if (!isSeedEntry(entry)) throw new Error(`seed-map.json entry ${i} has a wrong shape`);
    return entry;
  });
}

// ---------------------------------------------------------------- the pages

interface Bilingual {
  ko: string;
  en: string;
}

type FrontValue = string | number | Record<string, string>;

/** The pages' frontmatter: `key: value` lines and one level of nested `  key: "value"`. */
function parseFrontmatter(file: string, text: string): Record<string, FrontValue> {
  const out: Record<string, FrontValue> = {};
  let nested: Record<string, string> | null = null;
  const scalar = (raw: string): string | number => {
    if (/^-?\d+(?:\.\d+)?$/.test(raw)) return Number(raw);
    if (raw.startsWith('"')) return JSON.parse(raw) as string;
    throw new Error(`${file}: frontmatter value must be a number or a "quoted string": ${raw}`);
  };
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const child = /^ {2}([a-z]+):\s*(.+)$/.exec(line);
    if (child && nested) {
      const value = scalar(child[2]);
      if (typeof value !== "string") throw new Error(`${file}: ${child[1]} must be a string`);
      nested[child[1]] = value;
      continue;
    }
    const top = /^([a-z]+):\s*(.*)$/.exec(line);
    if (!top) throw new Error(`${file}: cannot read frontmatter line: ${line}`);
    if (top[2] === "") {
      nested = {};
      out[top[1]] = nested;
    } else {
      nested = null;
      out[top[1]] = scalar(top[2]);
    }
  }
  return out;
}

function bilingual(v: FrontValue | undefined): Bilingual | null {
  if (typeof v !== "object") return null;
  const { ko, en } = v;
  return typeof ko === "string" && typeof en === "string" ? { ko, en } : null;
}

interface Page {
  slug: string;
  file: string;
  raw: string;
  body: string;
  front: Record<string, FrontValue>;
  tree: Root;
}

const processor = createProcessor({ remarkPlugins: [remarkGfm] });

function readPage(slug: string): Page {
  const file = `content/pages/${slug}.mdx`;
  const raw = readFileSync(`${root}${file}`, "utf8");
  const m = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  if (!m) throw new Error(`${file}: missing frontmatter`);
  const body = raw.slice(m[0].length);
  return { slug, file, raw, body, front: parseFrontmatter(file, m[1]), tree: processor.parse(body) };
}

function isJsx(node: Nodes): node is MdxJsxFlowElement {
  return node.type === "mdxJsxFlowElement";
}

/** A plain string attribute (not an expression); undefined if absent. */
function attr(el: MdxJsxFlowElement, name: string): string | undefined {
  for (const a of el.attributes) {
    if (a.type === "mdxJsxAttribute" && a.name === name) {
      if (typeof a.value !== "string") throw new Error(`<${el.name} ${name}=...> must be a plain string`);
      return a.value;
    }
  }
  return undefined;
}

/** Every JSX element of the tree, depth first. */
function allJsx(node: Nodes, out: MdxJsxFlowElement[] = []): MdxJsxFlowElement[] {
  if (isJsx(node)) out.push(node);
  if ("children" in node) for (const c of node.children) allJsx(c, out);
  return out;
}

const INLINE_PARENTS = new Set(["paragraph", "heading", "emphasis", "strong", "delete", "link", "tableCell"]);

/** Text of a Markdown block with the markup stripped (code blocks dropped), whitespace collapsed. */
function plainText(node: Nodes): string {
  const walk = (n: Nodes): string => {
    if (n.type === "text" || n.type === "inlineCode") return n.value;
    if (n.type === "code") return " ";
    if (!("children" in n)) return " ";
    const parts = (n.children as Nodes[]).map(walk);
    return INLINE_PARENTS.has(n.type) ? parts.join("") : ` ${parts.join(" ")} `;
  };
  return walk(node).replace(/\s+/g, " ").trim();
}

/** The `<Ko>`/`<En>` children of a Pair or Correction, in order (other nodes are reported). */
function sides(el: MdxJsxFlowElement): { names: string[]; blocks: MdxJsxFlowElement[] } {
  const blocks: MdxJsxFlowElement[] = [];
  const names: string[] = [];
  for (const c of el.children as RootContent[]) {
    if (isJsx(c)) {
      blocks.push(c);
      names.push(c.name ?? "");
    } else {
      names.push(c.type);
    }
  }
  return { names, blocks };
}

function koText(el: MdxJsxFlowElement): string {
  const ko = sides(el).blocks.find((b) => b.name === "Ko");
  return ko ? plainText(ko) : "";
}

// ---------------------------------------------------------------- similarity

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Character similarity in [0, 1] after settling the spelling and dropping spaces and backticks. */
function similarity(source: string, ko: string): number {
  const norm = (s: string) => s.replaceAll("제네레이터", "제너레이터").replace(/[\s`]/g, "");
  const a = norm(source);
  const b = norm(ko);
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length, 1);
}

// ---------------------------------------------------------------- tests

const notes = readNotes();
const seedMap = readSeedMap();
const pages = SLUGS.map(readPage);
const pageBySlug = new Map(pages.map((p) => [p.slug, p]));

function pairsOf(page: Page): Map<string, MdxJsxFlowElement> {
  const map = new Map<string, MdxJsxFlowElement>();
  for (const el of allJsx(page.tree)) {
    const id = el.name === "Pair" ? attr(el, "id") : undefined;
    if (id !== undefined) map.set(id, el);
  }
  return map;
}

describe("(a) the notes' bullets and numbered points are mapped once each, in order", () => {
  it("finds 60 bullets and 3 numbered points in content/source/notes-ko.md", () => {
    expect(notes.lines.filter((l) => l.kind === "bullet")).toHaveLength(60);
    expect(notes.lines.filter((l) => l.kind === "point")).toHaveLength(3);
  });

  it("seed-map.json has one entry per line, in document order, quoting each line", () => {
    expect(seedMap).toHaveLength(notes.lines.length);
    seedMap.forEach((entry, i) => {
      const line = notes.lines[i];
      expect(entry.n, `entry ${i}`).toBe(i + 1);
      expect(entry.kind, `entry ${entry.n}`).toBe(line.kind);
      expect(entry.section, `entry ${entry.n}`).toBe(line.section);
      expect(entry.source, `entry ${entry.n}`).toBe(line.text);
    });
  });

  it("maps each line to the page of its section, and pages never go backwards", () => {
    for (const entry of seedMap) {
      expect(entry.page, `entry ${entry.n} (${entry.section})`).toBe(SECTION_PAGE[entry.section]);
    }
    const orderOf = (slug: string) => SLUGS.indexOf(slug);
    for (let i = 1; i < seedMap.length; i++) {
      expect(orderOf(seedMap[i].page)).toBeGreaterThanOrEqual(orderOf(seedMap[i - 1].page));
    }
  });
});

describe("(b) each mapped Pair carries its line's own (corrected) Korean text", () => {
  it("every entry's Pair exists, holds `ko` in its Korean block and has English beside it", () => {
    const failures: string[] = [];
    const owner = new Map<string, number[]>();
    for (const entry of seedMap) {
      const page = pageBySlug.get(entry.page);
      const pair = page ? pairsOf(page).get(entry.pair) : undefined;
      if (!pair) {
        failures.push(`#${entry.n}: no <Pair id="${entry.pair}"> on ${entry.page}`);
        continue;
      }
      const ko = koText(pair);
      const en = sides(pair).blocks.find((b) => b.name === "En");
      if (!ko.includes(entry.ko.replace(/\s+/g, " ").trim())) {
        failures.push(`#${entry.n}: ${entry.page}#${entry.pair} does not contain "${entry.ko}"`);
      }
      if (!en || plainText(en) === "") failures.push(`#${entry.n}: ${entry.page}#${entry.pair} has no English`);
      // Each line lives in exactly one Pair: no two entries may claim the same Korean text.
      const key = `${entry.page}#${entry.pair}#${entry.ko}`;
      owner.set(key, [...(owner.get(key) ?? []), entry.n]);
    }
    for (const [key, ns] of owner) if (ns.length > 1) failures.push(`${key} claimed by ${ns.join(", ")}`);
    expect(failures).toEqual([]);
    console.log(`${seedMap.length}/${notes.lines.length} bullets and points carried in both languages`);
  });

  it("list items in a Pair's Korean block are the notes' lines and nothing else", () => {
    // The pages' convention: the notes' items are list items; the site's own prose never is.
    const listed: string[] = [];
    for (const page of pages) {
      for (const [id, pair] of pairsOf(page)) {
        const ko = sides(pair).blocks.find((b) => b.name === "Ko");
        const visit = (n: Nodes) => {
          if (n.type === "listItem") {
            const own = n.children.filter((c) => c.type === "paragraph").map(plainText).join(" ");
            listed.push(`${page.slug}#${id}: ${own}`);
          }
          if ("children" in n) for (const c of n.children) visit(c);
        };
        if (ko) visit(ko);
      }
    }
    expect(listed).toEqual(seedMap.map((e) => `${e.page}#${e.pair}: ${e.ko}`));
  });

  it("each entry's `ko` stays close to its source line (similarity >= 0.8)", () => {
    const far = seedMap
      .map((e) => ({ n: e.n, sim: similarity(e.source, e.ko) }))
      .filter((x) => x.sim < 0.8);
    expect(far).toEqual([]);
  });

  it("`ko` is plain text: no Markdown markup left in it", () => {
    for (const entry of seedMap) expect(entry.ko, `entry ${entry.n}`).not.toMatch(/[`*<>]|\]\(/);
  });

  it("a Korean block's text is found in only one Pair per line (no duplicated bullets)", () => {
    for (const entry of seedMap) {
      const page = pageBySlug.get(entry.page);
      if (!page) continue;
      const holders = [...pairsOf(page)].filter(([, el]) => koText(el).includes(entry.ko));
      expect(holders.map(([id]) => id), `entry ${entry.n}`).toEqual([entry.pair]);
    }
  });
});

describe("(c) page structure", () => {
  for (const page of pages) {
    describe(page.file, () => {
      const elements = allJsx(page.tree);

      it("compiles as MDX", async () => {
        await expect(compile(page.body, { remarkPlugins: [remarkGfm] })).resolves.toBeDefined();
      });

      it("uses only the site's components, never imports or expressions", () => {
        expect(elements.map((e) => e.name).filter((n) => !COMPONENTS.has(n ?? ""))).toEqual([]);
        const kinds = new Set<string>();
        const visit = (n: Nodes) => {
          kinds.add(n.type);
          if ("children" in n) for (const c of n.children) visit(c);
        };
        visit(page.tree);
        for (const banned of ["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "mdxJsxTextElement", "html"]) {
          expect(kinds.has(banned), `${banned} in ${page.file}`).toBe(false);
        }
      });

      it("every Pair and Correction holds exactly <Ko> then <En>, both non-empty", () => {
        for (const el of elements.filter((e) => e.name === "Pair" || e.name === "Correction")) {
          const id = attr(el, "id");
          const { names, blocks } = sides(el);
          expect(names, `${el.name} ${id}`).toEqual(["Ko", "En"]);
          for (const b of blocks) expect(plainText(b), `${el.name} ${id} <${b.name}>`).not.toBe("");
        }
      });

      it("<Ko> and <En> appear only inside a Pair or a Correction", () => {
        const inside = new Set<MdxJsxFlowElement>();
        for (const el of elements) {
          if (el.name === "Pair" || el.name === "Correction") for (const b of sides(el).blocks) inside.add(b);
        }
        for (const el of elements) {
          if (el.name === "Ko" || el.name === "En") expect(inside.has(el), `stray <${el.name}>`).toBe(true);
        }
      });

      it("every Correction directly follows a Pair", () => {
        const top = page.tree.children;
        top.forEach((node, i) => {
          if (isJsx(node) && node.name === "Correction") {
            const prev = top[i - 1];
            expect(prev && isJsx(prev) && prev.name === "Pair", `Correction ${attr(node, "id")}`).toBe(true);
          }
        });
      });

      it("ids are kebab-case and unique on the page (Heading, Pair, Correction and Example alike)", () => {
        const ids = elements.filter((e) => e.name !== "Ko" && e.name !== "En").map((e) => attr(e, "id") ?? "");
        for (const id of ids) expect(id, "an id").toMatch(KEBAB);
        const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
        expect(repeated).toEqual([]);
      });

      it("every Heading has level 2 or 3 and both languages", () => {
        for (const el of elements.filter((e) => e.name === "Heading")) {
          const level = el.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "level");
          const value = level && level.type === "mdxJsxAttribute" ? level.value : undefined;
          const levelText = typeof value === "string" ? value : value?.value;
          expect(["2", "3"], `Heading ${attr(el, "id")}`).toContain(levelText);
          expect(attr(el, "ko")?.trim(), `Heading ${attr(el, "id")} ko`).toBeTruthy();
          expect(attr(el, "en")?.trim(), `Heading ${attr(el, "id")} en`).toBeTruthy();
        }
      });
    });
  }
});

describe("the known errors of the notes are corrected in both languages", () => {
  // Each row: a fact the correction notes must state, as markers that both languages share.
  const REQUIRED: [string, string[]][] = [
    ["@asyncio.coroutine deprecated in 3.8, removed in 3.11", ["@asyncio.coroutine", "3.8", "3.11"]],
    ["the misspelled print_every_second_corouine", ["print_every_second_corouine", "print_every_second_coroutine"]],
    ["get_event_loop assigned without calling it", ["loop = asyncio.get_event_loop", "call_soon"]],
    ["the generator snippet's lost indentation", ["IndentationError"]],
    ["get_event_loop() outside a running loop", ["get_event_loop()", "3.12", "3.14", "RuntimeError", "asyncio.run("]],
    ["Future and Task swapped", ["Future", "Task", "TypeError"]],
  ];
  const corrections = pages.flatMap((p) =>
    allJsx(p.tree)
      .filter((e) => e.name === "Correction")
      .map((e) => {
        const [ko, en] = sides(e).blocks.map(plainText);
        return { id: `${p.slug}#${attr(e, "id") ?? ""}`, ko: ko ?? "", en: en ?? "" };
      }),
  );

  for (const [fact, markers] of REQUIRED) {
    it(fact, () => {
      const found = corrections.filter((c) => markers.every((m) => c.ko.includes(m) && c.en.includes(m)));
      expect(found.map((c) => c.id)).not.toEqual([]);
    });
  }

  it("the Future/Task correction sits right after the notes' swapped bullet", () => {
    const page = pageBySlug.get("asyncio");
    const top = page?.tree.children ?? [];
    const i = top.findIndex((n) => isJsx(n) && n.name === "Pair" && koText(n).includes("future는 coroutine을 예외 처리를 위해 감싼 것"));
    const next = top[i + 1];
    expect(i).toBeGreaterThanOrEqual(0);
    expect(next && isJsx(next) && next.name === "Correction" && plainText(next).includes("A coroutine wrapped in a Future")).toBe(true);
  });
});

describe("links between pages", () => {
  it("every relative link names an existing page and an anchor on it", () => {
    const anchors = new Map(
      pages.map((p) => [
        p.slug,
        new Set(
          allJsx(p.tree)
            .filter((e) => e.name !== "Ko" && e.name !== "En")
            .map((e) => (e.name === "Example" ? `example-${attr(e, "id") ?? ""}` : (attr(e, "id") ?? ""))),
        ),
      ]),
    );
    const links: string[] = [];
    const visit = (n: Nodes) => {
      if (n.type === "link") links.push(n.url);
      if ("children" in n) for (const c of n.children) visit(c);
    };
    for (const page of pages) visit(page.tree);
    expect(links.length).toBeGreaterThan(0);
    for (const url of links) {
      if (/^https?:/.test(url)) continue;
      const m = /^\.\.\/([a-z0-9-]+)\/(?:#([a-z0-9-]+))?$/.exec(url);
      expect(m, `link ${url} must look like ../<slug>/ or ../<slug>/#<id>`).not.toBeNull();
      if (!m) continue;
      expect(anchors.has(m[1]), `link ${url}: no page ${m[1]}`).toBe(true);
      if (m[2]) expect(anchors.get(m[1])?.has(m[2]), `link ${url}: no id ${m[2]} on ${m[1]}`).toBe(true);
    }
  });
});

describe("(d) examples, frontmatter and order", () => {
  const examplesDir = `${contentDir}/examples`;
  const exampleIds = (page: Page) =>
    allJsx(page.tree)
      .filter((e) => e.name === "Example")
      .map((e) => attr(e, "id") ?? "");

  it("every page places at least two examples", () => {
    for (const page of pages) expect(exampleIds(page).length, page.file).toBeGreaterThanOrEqual(2);
  });

  it("every <Example id> exists in content/examples/ and names its page as its section", () => {
    const missing: string[] = [];
    for (const page of pages) {
      for (const id of exampleIds(page)) {
        const meta = `${examplesDir}/${id}/meta.json`;
        if (!existsSync(meta)) {
          missing.push(`${page.slug}: ${id}`);
          continue;
        }
        const section: unknown = (JSON.parse(readFileSync(meta, "utf8")) as Record<string, unknown>).section;
        expect(section, `${id}/meta.json section`).toBe(page.slug);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every published example id is placed on exactly one page", () => {
    const idsFile = `${examplesDir}/ids.json`;
    const published: unknown = existsSync(idsFile) ? JSON.parse(readFileSync(idsFile, "utf8")) : [];
    expect(Array.isArray(published)).toBe(true);
    const placed = pages.flatMap(exampleIds);
    for (const id of published as unknown[]) {
      expect(placed.filter((p) => p === id), String(id)).toHaveLength(1);
    }
  });

  it("frontmatter is complete in both languages and the slug matches the file", () => {
    const files = readdirSync(`${contentDir}/pages`).filter((f) => f.endsWith(".mdx"));
    expect(files.sort()).toEqual(SLUGS.map((s) => `${s}.mdx`).sort());
    for (const page of pages) {
      const f = page.front;
      expect(f.slug, page.file).toBe(page.slug);
      expect(typeof f.order, page.file).toBe("number");
      for (const key of ["title", "description"] as const) {
        const b = bilingual(f[key]);
        expect(b, `${page.file} ${key}`).not.toBeNull();
        expect(b?.ko.trim(), `${page.file} ${key}.ko`).toBeTruthy();
        expect(b?.en.trim(), `${page.file} ${key}.en`).toBeTruthy();
      }
    }
  });

  it("orders are distinct, and the pages open with the notes' sections in the notes' order", () => {
    const orders = PAGE_LIST.map((p) => p.order);
    expect(new Set(orders).size, `orders ${orders.join(", ")}`).toBe(orders.length);
    const fromNotes = notes.headings.map((h) => SECTION_PAGE[h]);
    expect(fromNotes.every((s) => s !== undefined), `unmapped heading in ${notes.headings.join(" | ")}`).toBe(true);
    const notesPages = [...new Set(fromNotes)];
    expect(notesPages.length).toBeGreaterThan(0);
    // The notes' pages come first and in order; the site's own pages (the closing page) follow.
    expect(SLUGS.slice(0, notesPages.length)).toEqual(notesPages);
  });
});

describe("(e) the glossary", () => {
  /** The intro page's glossary table, Korean side and English side, as rows of cells. */
  interface GlossaryRow {
    ko: string;
    en: string;
    python: string;
    /** Korean spellings the site does not use ("not this one"), each in code font. */
    avoid: string[];
  }
  const intro = pageBySlug.get("intro");
  const glossaryPair = intro ? pairsOf(intro).get("glossary-table") : undefined;

  /** The rows of the first table in the Pair's `lang` block. */
  function tableRows(lang: "Ko" | "En"): RootContent[][] {
    const block = glossaryPair ? sides(glossaryPair).blocks.find((b) => b.name === lang) : undefined;
    const table = block?.children.find((c) => c.type === "table");
    if (!table || table.type !== "table") return [];
    return table.children.slice(1).map((row) => row.children as RootContent[]);
  }
  const codes = (cell: RootContent): string[] =>
    "children" in cell ? cell.children.flatMap((c) => (c.type === "inlineCode" ? [c.value] : [])) : [];

  const koRows: GlossaryRow[] = tableRows("Ko").map((cells) => ({
    ko: plainText(cells[0]),
    en: plainText(cells[1]),
    python: plainText(cells[2]),
    avoid: codes(cells[3]),
  }));
  const enRows: GlossaryRow[] = tableRows("En").map((cells) => ({
    en: plainText(cells[0]),
    ko: plainText(cells[1]),
    python: plainText(cells[2]),
    avoid: codes(cells[3]),
  }));
  const avoided = koRows.flatMap((r) => r.avoid.map((v) => ({ variant: v, term: r.ko })));

  /** Every "not this one" spelling found in `text`, as "variant (use term)". */
  const variantsIn = (text: string): string[] =>
    avoided.filter((a) => text.includes(a.variant)).map((a) => `${a.variant} (use ${a.term})`);

  it("the intro page has the glossary: Korean term, English term, Python name, and the same rows in English", () => {
    expect(glossaryPair, "intro#glossary-table").toBeDefined();
    expect(koRows.length).toBeGreaterThanOrEqual(15);
    for (const row of koRows) {
      expect(row.ko, JSON.stringify(row)).toMatch(/[\uac00-\ud7a3]/);
      expect(row.en, JSON.stringify(row)).toMatch(/^[a-z][a-z ]+$/);
      expect(row.python, JSON.stringify(row)).not.toBe("");
      for (const v of row.avoid) expect(v, `${row.ko}: a variant must differ from the term`).not.toBe(row.ko);
    }
    expect(enRows).toEqual(koRows);
    expect(new Set(koRows.map((r) => r.ko)).size).toBe(koRows.length);
    expect(avoided.length).toBeGreaterThanOrEqual(15);
  });

  it("the variant check finds a listed variant (so a clean result means something)", () => {
    expect(variantsIn("제너레이터 객체는 __next__() 메소드를 가진다")).toEqual(["메소드 (use 메서드)"]);
    expect(variantsIn("준비 큐에 넣는다")).toEqual([]);
  });

  it("no page, caption or carried bullet uses a Korean spelling the glossary lists as not used", () => {
    const found: string[] = [];
    for (const page of pages) {
      let text = page.raw;
      if (page.slug === "intro" && glossaryPair?.position) {
        // The glossary itself lists the variants; cut it out of the intro page's text.
        const offset = page.raw.length - page.body.length;
        const { start, end } = glossaryPair.position;
        if (start.offset === undefined || end.offset === undefined) throw new Error("no source offsets");
        text = text.slice(0, offset + start.offset) + text.slice(offset + end.offset);
      }
      for (const v of variantsIn(text)) found.push(`${page.file}: ${v}`);
    }
    const examplesDir = `${contentDir}/examples`;
    for (const id of readdirSync(examplesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
      const meta = readFileSync(`${examplesDir}/${id}/meta.json`, "utf8");
      for (const v of variantsIn(meta)) found.push(`examples/${id}/meta.json: ${v}`);
    }
    for (const entry of seedMap) for (const v of variantsIn(entry.ko)) found.push(`seed-map #${entry.n}: ${v}`);
    expect(found).toEqual([]);
    // The notes themselves (seed-map `source`) keep the author's spelling.
    expect(seedMap.some((e) => e.source.includes("제네레이터"))).toBe(true);
  });

  it("on every page, a glossary term's first Korean use gives the English term in parentheses", () => {
    const GLOSSARY: [RegExp, string][] = [
      [/제너레이터/, "generator"],
      [/(?<!네이티브 )(?<!기반 )코루틴/, "coroutine"],
      [/이벤트 루프/, "event loop"],
      [/퓨처/, "future"],
      [/태스크/, "task"],
      [/콜백/, "callback"],
      [/어웨이터블/, "awaitable"],
      [/네이티브 코루틴/, "native coroutine"],
      [/비동기 컨텍스트 매니저/, "asynchronous context manager"],
      [/비동기 이터레이터/, "asynchronous iterator"],
    ];
    const missing: string[] = [];
    for (const page of pages) {
      const ko = allJsx(page.tree)
        .filter((e) => e.name === "Ko")
        .map(plainText)
        .join(" ");
      for (const [term, english] of GLOSSARY) {
        const m = term.exec(ko);
        if (!m) continue;
        // The parenthesis may follow a short compound, as in 제너레이터 기반 코루틴(generator-based coroutine).
        const after = ko.slice(m.index + m[0].length, m.index + m[0].length + 80);
        const paren = /^[^()]{0,12}\(([^)]*)\)/.exec(after);
        if (!paren || !paren[1].toLowerCase().includes(english)) {
          missing.push(`${page.slug}: ${ko.slice(Math.max(0, m.index - 15), m.index + 25)}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("every Korean block that speaks of generators says 제너레이터", () => {
    let count = 0;
    for (const page of pages) {
      for (const el of allJsx(page.tree).filter((e) => e.name === "Ko")) {
        // The glossary lists 제네레이터 as the spelling not used; the test above covers it.
        if (glossaryPair && sides(glossaryPair).blocks.includes(el)) continue;
        const text = plainText(el);
        expect(text.includes("제네레이터"), page.file).toBe(false);
        if (text.includes("제너레이터")) count++;
      }
    }
    expect(count).toBeGreaterThan(10);
  });
});
