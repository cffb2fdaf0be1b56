/**
 * The site's page list, derived from the content collection's source: every
 * `content/pages/*.mdx`, read for its frontmatter `slug` and `order`, sorted by `order`.
 * Tests take the list from here, so adding a page touches only its new .mdx file.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const PAGES_DIR = fileURLToPath(new URL("../../content/pages/", import.meta.url));

export interface PageEntry {
  slug: string;
  order: number;
  /** Path from the repository root, e.g. `content/pages/intro.mdx`. */
  file: string;
}

/** The frontmatter's top-level `key: value` for a quoted string or a number. */
function field(file: string, front: string, key: string): string | number {
  const m = new RegExp(`^${key}:\\s*(.+)$`, "m").exec(front);
  if (!m) throw new Error(`${file}: frontmatter has no ${key}`);
  const raw = m[1].trim();
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (raw.startsWith('"')) return JSON.parse(raw) as string;
  throw new Error(`${file}: ${key} must be a number or a "quoted string": ${raw}`);
}

/** Every page of the collection, in the site's order (frontmatter `order`). */
export function pageList(): PageEntry[] {
  const entries = readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith(".mdx"))
    .map((name) => {
      const file = `content/pages/${name}`;
      const text = readFileSync(`${PAGES_DIR}${name}`, "utf8");
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (!front) throw new Error(`${file}: missing frontmatter`);
      const slug = field(file, front[1], "slug");
      const order = field(file, front[1], "order");
      if (typeof slug !== "string") throw new Error(`${file}: slug must be a string`);
      if (typeof order !== "number") throw new Error(`${file}: order must be a number`);
      return { slug, order, file };
    });
  return entries.sort((a, b) => a.order - b.order);
}

/** The slugs of every page, in the site's order. */
export function pageSlugs(): string[] {
  return pageList().map((p) => p.slug);
}
