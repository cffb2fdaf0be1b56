/**
 * `npm run anchors:publish`: records every public anchor of every section page in
 * content/pages/anchors.json, `{ "<slug>": ["<id>", ...] }`, in page order. Anchors
 * already there stay (a course may link them) and new ones are appended. When a published
 * one is no longer on its page, nothing is written: the script names it and fails, as
 * tests/content/anchors.test.ts does, until the id is back on its page.
 */
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { pageAnchors } from "../src/components/embed/anchors";

const PAGES = "content/pages";
const FILE = join(PAGES, "anchors.json");

type Published = Record<string, string[]>;

const published: Published = existsSync(FILE) ? (JSON.parse(readFileSync(FILE, "utf8")) as Published) : {};
const onPages = new Map<string, string[]>();
for (const name of readdirSync(PAGES).filter((f) => f.endsWith(".mdx")).sort()) {
  onPages.set(name.replace(/\.mdx$/, ""), pageAnchors(readFileSync(join(PAGES, name), "utf8")).map((a) => a.id));
}

let added = 0;
const lost: string[] = [];
const next: Published = {};
for (const slug of new Set([...Object.keys(published), ...onPages.keys()])) {
  const before = published[slug] ?? [];
  const now = onPages.get(slug) ?? [];
  const fresh = now.filter((id) => !before.includes(id));
  added += fresh.length;
  lost.push(...before.filter((id) => !now.includes(id)).map((id) => `${slug}#${id}`));
  next[slug] = [...before, ...fresh];
}
if (lost.length > 0) {
  console.error(`${FILE} not written: published anchors no longer on their page (put them back; courses link them):\n  ${lost.join("\n  ")}`);
  process.exit(1);
}
writeFileSync(FILE, JSON.stringify(next, null, 2) + "\n");
console.log(`${FILE}: ${added} new anchor(s) published, ${Object.values(next).flat().length} in all`);
