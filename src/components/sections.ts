/**
 * The sections of the notes, in order, read from the `pages` collection. Checks what
 * the schema cannot see across entries (unique order, slug matching the file name) and
 * throws a message naming the file, so a mistake fails the build.
 */
import { getCollection, type CollectionEntry } from "astro:content";
import { basename } from "node:path";

export type PageEntry = CollectionEntry<"pages">;

export interface SectionLink {
  slug: string;
  title: { ko: string; en: string };
  description: { ko: string; en: string };
}

let cache: Promise<PageEntry[]> | undefined;

/** Every page entry, sorted by `order`. */
export function sections(): Promise<PageEntry[]> {
  cache ??= load();
  return cache;
}

async function load(): Promise<PageEntry[]> {
  const entries = await getCollection("pages");
  const byOrder = new Map<number, string>();
  for (const e of entries) {
    const file = e.filePath ?? e.id;
    if (e.filePath && basename(e.filePath, ".mdx") !== e.data.slug) {
      throw new Error(`${file}: frontmatter slug "${e.data.slug}" must match the file name (${e.data.slug}.mdx)`);
    }
    const other = byOrder.get(e.data.order);
    if (other) throw new Error(`${file}: order ${e.data.order} is already used by ${other}`);
    byOrder.set(e.data.order, file);
  }
  return entries.sort((a, b) => a.data.order - b.data.order);
}

export function link(e: PageEntry): SectionLink {
  return { slug: e.data.slug, title: e.data.title, description: e.data.description };
}
