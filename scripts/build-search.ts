// The search index, written into dist/pagefind/ by Pagefind's Node API after `astro build`
// (`npm run build` runs it; `npx tsx scripts/build-search.ts [DIR]` indexes another build).
//
// Every section page shows both languages, and the reader chooses what to see: Korean,
// English or both. A search should answer in the same language, so each page is indexed
// three times, one record per reading mode, told apart by the filter `mode`:
//
//   mode:both  the page as built                       /generator/
//   mode:ko    the page with its English blocks out    /generator/?lang=ko
//   mode:en    the page with its Korean blocks out     /generator/?lang=en
//
// The search dialog (src/components/SiteSearch.astro) filters by the reader's mode, so a
// reader in English mode sees English titles, headings and excerpts only. A result of a
// one-language record opens the page in that language (`?lang=`), which also holds when
// storage is off. The other language's blocks are not cut out of the HTML: their opening
// tags get `data-pagefind-ignore="all"`, and Pagefind's own parser leaves them out.
import * as pagefind from "pagefind";
import { decode } from "cborg";
import { build } from "esbuild";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const dist = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL("../dist", import.meta.url));

/** The reading modes, and for each the class of the blocks it hides (l-sep: the " · " between two languages). */
export const MODES = { both: [], ko: ["l-en", "l-sep"], en: ["l-ko", "l-sep"] } as const satisfies Record<string, readonly string[]>;

/** A reading mode: "both", "ko" or "en". */
export type SearchMode = keyof typeof MODES;

/**
 * The page as one mode reads it: the indexed body tagged with the mode's filter; in one
 * language, the other's opening tags marked ignored and the title meta in its words; in
 * both, " · " between a heading's two titles.
 * @example
 * forMode('<article data-pagefind-body><h1 data-pagefind-meta="title:가 · A" data-title-ko="가" data-title-en="A">…', "en");
 * // '<article data-pagefind-body data-pagefind-filter="mode:en"><h1 data-pagefind-meta="title:A" …>…'
 */
export function forMode(html: string, mode: SearchMode): string {
  // The record's language decides its index: English records go to an index of their own,
  // where Pagefind stems English words ("schedules" finds "scheduled").
  let out = html
    .replace(/<html\b([^>]*?)\slang="[^"]*"/, `<html$1 lang="${mode === "en" ? "en" : "ko"}"`)
    .replace("data-pagefind-body", `data-pagefind-body data-pagefind-filter="mode:${mode}"`);
  const hidden: readonly string[] = MODES[mode];
  if (hidden.length === 0) {
    // Both languages: a heading's two titles have no " · " between them on the page (they
    // sit on two lines); a result's one line needs it.
    return out.replace(/(<h[1-6]\b[^>]*>)([\s\S]*?)(<\/h[1-6]>)/g, (_, open: string, inner: string, close: string) =>
      `${open}${inner.replace('</span> <span class="l-en"', '</span> · <span class="l-en"')}${close}`);
  }
  const cls = new RegExp(`\\bclass="(?:[^"]*\\s)?(?:${hidden.join("|")})(?:\\s[^"]*)?"`);
  out = out.replace(/<[a-z][a-z0-9]*\b[^>]*>/g, (tag) => (cls.test(tag) ? `${tag.slice(0, -1)} data-pagefind-ignore="all">` : tag));
  const title = new RegExp(`data-title-${mode}="([^"]*)"`).exec(out);
  if (title) out = out.replace(/data-pagefind-meta="title:[^"]*"/, `data-pagefind-meta="title:${title[1]}"`);
  return out;
}

function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "pagefind" && name !== "_astro") found.push(...htmlFiles(path));
    } else if (name.endsWith(".html")) found.push(path);
  }
  return found;
}

/** The page's URL from the site root, as Pagefind's own crawl writes it (index.html dropped). */
function urlOf(file: string): string {
  const rel = relative(dist, file).split(sep).join("/");
  return `/${rel.replace(/(^|\/)index\.html$/, "$1")}`;
}

async function main(): Promise<void> {
  // Two indexes, by each record's <html lang> (forMode): "ko" for the Korean and the
  // bilingual records (Pagefind has no Korean stemmer, so words are matched as typed, and
  // a word's start finds it: 코루틴 finds 코루틴은), "en" for the English ones, stemmed. The
  // search script loads the index of the page's <html lang>, which follows the reading mode.
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  let pages = 0;
  for (const file of htmlFiles(dist).sort()) {
    const html = readFileSync(file, "utf8");
    if (!html.includes("data-pagefind-body")) continue;
    pages++;
    const url = urlOf(file);
    for (const mode of Object.keys(MODES) as SearchMode[]) {
      const added = await index.addHTMLFile({ url: mode === "both" ? url : `${url}?lang=${mode}`, content: forMode(html, mode) });
      if (added.errors.length) throw new Error(`pagefind on ${url} (${mode}): ${added.errors.join("; ")}`);
    }
  }
  if (pages === 0) throw new Error(`no page with data-pagefind-body under ${dist}`);
  // A second run over the same build must not leave the first run's files beside its own
  // (the offline worker precaches everything in the folder).
  const outputPath = join(dist, "pagefind");
  rmSync(outputPath, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  await pagefind.close();
  await buildSiteModule(written.outputPath);
  console.log(`search: ${pages} pages × ${Object.keys(MODES).length} reading modes indexed into ${relative(process.cwd(), written.outputPath) || "."}`);
}

/**
 * Each language's index chunks (first and last word), read from the meta file Pagefind
 * wrote for it: gzip, a 12-byte signature, then CBOR `[version, pages, chunks, …]` with
 * each chunk `[from, to, hash]`.
 */
export function indexChunks(outputPath: string): Record<string, { from: string; to: string }[]> {
  const entry = JSON.parse(readFileSync(join(outputPath, "pagefind-entry.json"), "utf8")) as {
    languages: Record<string, { hash: string }>;
  };
  const out: Record<string, { from: string; to: string }[]> = {};
  for (const [lang, { hash }] of Object.entries(entry.languages)) {
    const meta = gunzipSync(readFileSync(join(outputPath, `pagefind.${hash}.pf_meta`)));
    if (meta.subarray(0, 12).toString() !== "pagefind_dcd") throw new Error(`pagefind.${hash}.pf_meta: not a Pagefind meta file`);
    const [, , chunks] = decode(meta.subarray(12)) as [string, unknown, [string, string, string][]];
    out[lang] = chunks.map(([from, to]) => ({ from, to }));
  }
  return out;
}

/**
 * The search dialog's Pagefind module (src/components/client/pagefind-site.ts), bundled
 * with the index's chunk list into `pagefind/site/pagefind.js`.
 */
async function buildSiteModule(outputPath: string): Promise<void> {
  await build({
    entryPoints: [fileURLToPath(new URL("../src/components/client/pagefind-site.ts", import.meta.url))],
    outfile: join(outputPath, "site", "pagefind.js"),
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2022",
    define: { PAGEFIND_CHUNKS: JSON.stringify(indexChunks(outputPath)) },
    logLevel: "warning",
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
