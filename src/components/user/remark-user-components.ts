/**
 * A remark plugin that checks how an MDX page uses the site's components and collects
 * the page's table of contents.
 *
 * - Every `<Heading>`, `<Pair>`, `<Correction>` and `<Example>` needs an `id` written as a
 *   plain string in lowercase kebab-case, unique on the page (ids are public anchors).
 * - `<Heading>` needs `level={2}` or `level={3}` and non-empty `ko` and `en` strings.
 * - `<Pair>` and `<Correction>` hold exactly `<Ko>` then `<En>`, and `<Ko>`/`<En>` appear
 *   nowhere else. The plugin gives them their ids, `<id>--ko` and `<id>--en`, so a link
 *   can point at one language's block.
 *
 * A mistake throws an error naming the file, the line and the id, which fails
 * `astro build`. The headings, in order, land in the page's frontmatter as `toc`
 * (Astro hands it to the layout as `remarkPluginFrontmatter.toc`).
 */
import type { Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import type { VFile } from "vfile";
import { relative } from "node:path";

export interface TocEntry {
  id: string;
  level: 2 | 3;
  ko: string;
  en: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WITH_ID = new Set(["Heading", "Pair", "Correction", "Example"]);

function isJsx(node: { type: string }): node is JsxElement {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

/** The page's path relative to the project, for error messages. */
function where(file: VFile, node: { position?: { start: { line: number } } }): string {
  const path = file.path ? relative(process.cwd(), file.path) : "(unknown page)";
  const line = node.position?.start.line;
  return line ? `${path}:${line}` : path;
}

function attribute(node: JsxElement, name: string): MdxJsxAttribute | undefined {
  return node.attributes.find((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name);
}

/** A string attribute's value; undefined if absent, an error if written as an expression. */
function stringAttribute(file: VFile, node: JsxElement, name: string): string | undefined {
  const a = attribute(node, name);
  if (!a) return undefined;
  if (typeof a.value === "string") return a.value;
  throw new Error(`${where(file, node)}: <${node.name}> attribute ${name} must be a plain string, e.g. ${name}="..."`);
}

function level(file: VFile, node: JsxElement, id: string): 2 | 3 {
  const a = attribute(node, "level");
  const raw = a == null ? undefined : typeof a.value === "string" ? a.value : a.value?.value;
  const n = raw == null ? NaN : Number(raw.trim());
  if (n === 2 || n === 3) return n;
  const shown = raw == null ? "missing" : JSON.stringify(raw);
  throw new Error(`${where(file, node)}: <Heading id="${id}"> has level ${shown}; use level={2} or level={3}`);
}

/** Children that matter: JSX elements and any content other than blank text. */
function meaningful(children: RootContent[]): RootContent[] {
  return children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
}

function describe(node: RootContent): string {
  return isJsx(node) ? `<${node.name ?? ""}>` : node.type;
}

/** Checks that `parent` holds exactly <Ko> then <En>, and names them `<id>--ko`/`<id>--en`. */
function checkLanguages(file: VFile, parent: JsxElement, id: string): void {
  const kids = meaningful(parent.children as RootContent[]);
  const names = kids.map(describe);
  const ok = kids.length === 2 && names[0] === "<Ko>" && names[1] === "<En>";
  if (!ok) {
    const found = names.length ? names.join(", ") : "nothing";
    const hint = names.includes("paragraph") ? " (put <Ko>, <En> and their closing tags on lines of their own)" : "";
    const missing = !names.includes("<En>") ? " (the <En> block is missing)" : !names.includes("<Ko>") ? " (the <Ko> block is missing)" : "";
    throw new Error(
      `${where(file, parent)}: <${parent.name} id="${id}"> must contain exactly <Ko> then <En>; found ${found}${missing}${hint}`,
    );
  }
  for (const [i, lang] of (["ko", "en"] as const).entries()) {
    const block = kids[i] as JsxElement;
    if (attribute(block, "id")) {
      throw new Error(`${where(file, block)}: <${block.name}> inside <${parent.name} id="${id}"> gets its id automatically (${id}--${lang}); remove its id attribute`);
    }
    block.attributes.push({ type: "mdxJsxAttribute", name: "id", value: `${id}--${lang}` });
    // A boolean attribute (value null), so the block labels itself 정정 / Correction.
    if (parent.name === "Correction") block.attributes.push({ type: "mdxJsxAttribute", name: "correction", value: null });
  }
}

export default function remarkUserComponents() {
  return (tree: Root, file: VFile): void => {
    const toc: TocEntry[] = [];
    const seen = new Map<string, string>();

    const claim = (id: string, node: JsxElement) => {
      const before = seen.get(id);
      if (before) throw new Error(`${where(file, node)}: duplicate id "${id}" (<${node.name}>); it is already used by ${before}`);
      seen.set(id, `<${node.name}> at line ${node.position?.start.line ?? "?"}`);
    };

    const visit = (node: Root | RootContent, parent: JsxElement | null): void => {
      if (isJsx(node) && node.name) {
        const name = node.name;
        if (WITH_ID.has(name)) {
          const id = stringAttribute(file, node, "id");
          if (!id) throw new Error(`${where(file, node)}: <${name}> needs an id, e.g. <${name} id="my-id">`);
          if (!ID.test(id)) throw new Error(`${where(file, node)}: <${name} id="${id}">: ids are lowercase kebab-case (a-z, 0-9, -)`);
          // <Example id="x"> renders its anchor as "example-x" (runner's ExampleShell).
          claim(name === "Example" ? `example-${id}` : id, node);
          // The language blocks' ids are anchors too: keep them from colliding.
          if (name === "Pair" || name === "Correction") {
            claim(`${id}--ko`, node);
            claim(`${id}--en`, node);
            checkLanguages(file, node, id);
          }
          if (name === "Heading") {
            const lv = level(file, node, id);
            const ko = stringAttribute(file, node, "ko")?.trim();
            const en = stringAttribute(file, node, "en")?.trim();
            if (!ko || !en) {
              throw new Error(`${where(file, node)}: <Heading id="${id}"> needs both ko="..." and en="..." (missing ${!ko ? "ko" : "en"})`);
            }
            if (meaningful(node.children as RootContent[]).length) {
              throw new Error(`${where(file, node)}: <Heading id="${id}"> takes its text from ko and en; write it self-closing: <Heading ... />`);
            }
            toc.push({ id, level: lv, ko, en });
          }
        }
        if ((name === "Ko" || name === "En") && !(parent && (parent.name === "Pair" || parent.name === "Correction"))) {
          throw new Error(`${where(file, node)}: <${name}> must sit directly inside a <Pair> or <Correction>`);
        }
        for (const child of node.children as RootContent[]) visit(child, node);
        return;
      }
      if ("children" in node) for (const child of node.children as RootContent[]) visit(child, null);
    };
    visit(tree, null);

    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.toc = toc;
  };
}
