/**
 * The Pagefind module the search dialog's UI imports: Pagefind's own (`../pagefind.js`),
 * with one change to `search`. scripts/build-search.ts bundles this file to
 * `pagefind/site/pagefind.js`, with the chunk list of the index it has just written, and
 * SiteSearch.astro points Pagefind UI's `bundlePath` at that folder.
 *
 * The search first loads every index chunk its words could match, so a first search finds
 * what a later one would; then it drops the results whose only match is a short word
 * Pagefind fell back to (see ./search-chunks.ts). When no page has every word, it gives the
 * pages that have the most of them, each naming the words it lacks (`missing`), where
 * Pagefind alone gives nothing: `yield from 문법` finds the pages on `yield from`.
 */
import { keepResult, matchedWords, preloadWords, searchWords, somePages, type IndexChunk } from "./search-chunks";

/** Each language's index chunks, from the build (`pagefind.<hash>.pf_meta`). */
declare const PAGEFIND_CHUNKS: Record<string, IndexChunk[]>;

interface Fragment {
  content: string;
  locations: number[];
  /** Set here: the searched words (by position) this page lacks, when no page has them all. */
  missing?: number[];
}

interface Result {
  id: string;
  score: number;
  data: () => Promise<Fragment>;
}

interface SearchResponse {
  results: Result[];
}

/** The calls of Pagefind's module that its UI makes. */
interface PagefindModule {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  destroy(): Promise<void>;
  mergeIndex(path: string, options?: object): Promise<void>;
  filters(): Promise<unknown>;
  preload(term: string, options?: object): Promise<void>;
  search(term: string | null, options?: object): Promise<SearchResponse>;
  debouncedSearch(term: string, options?: object, ms?: number): Promise<SearchResponse | null>;
  createInstance(options?: object): Promise<unknown>;
}

const pagefind = import(new URL("../pagefind.js", import.meta.url).href) as Promise<PagefindModule>;

/** The chunks of the index Pagefind reads for this page: the one named by `<html lang>`. */
function chunks(): IndexChunk[] {
  const lang = (document.documentElement.lang || "unknown").toLowerCase();
  return PAGEFIND_CHUNKS[lang] ?? PAGEFIND_CHUNKS[lang.split("-")[0]] ?? [];
}

/**
 * Pagefind's search, made independent of earlier searches and cleared of lone-letter matches.
 * @example
 * const { results } = await search("cursor", { filters: { mode: ["ko"] } }); // [] every time
 */
export async function search(term: string | null, options: object = {}): Promise<SearchResponse> {
  const pf = await pagefind;
  if (term === null) return pf.search(term, options);
  const words = searchWords(term);
  const all = chunks();
  const more = words.flatMap((word) => preloadWords(word, all));
  if (more.length) await pf.preload(more.join(" "), options);
  const found = await realMatches(pf, term, words, options);
  if (found.results.length > 0 || words.length < 2) return found;
  const each = await Promise.all(words.map(async (word) => (await realMatches(pf, word, [word], options)).results));
  const results = somePages(each).map(({ result, missing }) => ({
    ...result,
    data: async () => ({ ...(await result.data()), missing }),
  }));
  return { ...found, results };
}

/** Pagefind's results for `term`, less those whose only matches are short fallbacks. */
async function realMatches(pf: PagefindModule, term: string, words: string[], options: object): Promise<SearchResponse> {
  const response = await pf.search(term, options);
  const kept = await Promise.all(
    response.results.map(async (result) => {
      const data = await result.data();
      return keepResult(matchedWords(data.content, data.locations), words);
    }),
  );
  return { ...response, results: response.results.filter((_, i) => kept[i]) };
}

// The rest of Pagefind's module, passed through (its UI calls options, filters, preload, destroy).
export const options = async (o: object): Promise<void> => (await pagefind).options(o);
export const init = async (): Promise<void> => (await pagefind).init();
export const destroy = async (): Promise<void> => (await pagefind).destroy();
export const mergeIndex = async (path: string, o?: object): Promise<void> => (await pagefind).mergeIndex(path, o);
export const filters = async (): Promise<unknown> => (await pagefind).filters();
export const preload = async (term: string, o?: object): Promise<void> => (await pagefind).preload(term, o);
export const createInstance = async (o?: object): Promise<unknown> => (await pagefind).createInstance(o);
/** Pagefind's debounced search, over the search above. */
export async function debouncedSearch(term: string, o?: object, ms = 300): Promise<SearchResponse | null> {
  const id = ++latest;
  await new Promise((ok) => setTimeout(ok, ms));
  return id === latest ? search(term, o) : null;
}
let latest = 0;
