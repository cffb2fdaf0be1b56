/**
 * What a search must load, and which of its matches count: the rules behind the site's
 * Pagefind module (./pagefind-site.ts).
 *
 * Pagefind splits each language's word index into chunks, sorted by word, and a search
 * loads only the chunk its word sorts into. A word that begins with it can sit in the
 * next chunk (발생시키 in one, 발생시키는 in the next), so a first search missed pages
 * that a later one, after some other search had loaded that chunk, found. And when no
 * indexed word begins with the searched one, Pagefind falls back to the longest indexed
 * word that begins *it*, among the chunks loaded so far: `cursor` found nothing at first
 * and, after a search for `coroutine`, every lone `c` of the code.
 */
import { isParticle } from "./korean-stems";

/**
 * A word as Pagefind keeps it in its index: lower case, decomposed (NFD), accents dropped.
 * Korean is kept, as its letters (jamo): 한 is "\u1112\u1161\u11ab".
 * @example
 * indexForm("Café") === "cafe"; // true
 */
export function indexForm(word: string): string {
  const bare = word.toLocaleLowerCase().normalize("NFD").replace(/(?![\u3099\u309A])\p{M}/gu, "");
  // Japanese voicing marks stay, composed (Pagefind's own rule).
  return /[\u3099\u309A]/.test(bare) ? bare.normalize("NFC") : bare;
}

/** The words of `term` as Pagefind splits them: punctuation dropped (not `_`), at spaces. */
function typedWords(term: string): string[] {
  return term.replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, "").split(/\s+/).filter(Boolean);
}

/**
 * The words Pagefind searches for `term`: punctuation dropped (not `_`), split at spaces,
 * each in its index form.
 * @example
 * searchWords("yield, from()"); // ["yield", "from"]
 */
export function searchWords(term: string): string[] {
  return typedWords(term).map(indexForm).filter(Boolean);
}

/** One chunk of a language's word index: the words from `from` to `to`, in code point order. */
export interface IndexChunk {
  from: string;
  to: string;
}

/**
 * The words to preload before searching `word`, so that what it matches does not depend
 * on earlier searches: the first word of every chunk after the one `word` sorts into whose
 * words begin with `word`, and each shorter start of `word` (so the fallback to a word
 * that begins it always sees the same chunks).
 * `word` and the chunks' words are in index form (see indexForm).
 * @example
 * preloadWords("new", [{ from: "0", to: "new" }, { from: "new_", to: "z" }]); // ["n", "ne", "new_"]
 */
export function preloadWords(word: string, chunks: readonly IndexChunk[]): string[] {
  const starts = [...word].map((_, i, chars) => chars.slice(0, i).join("")).slice(1);
  const later = chunks.filter((c) => c.from > word && c.from.startsWith(word)).map((c) => c.from);
  return [...starts, ...later];
}

/** How many characters `a` and `b` share from their start. */
function sharedStart(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * The words Pagefind indexes for one word of a page: the word without its punctuation
 * (`_` kept), and its parts, split at punctuation, at `_` and where lower case meets
 * upper case (Pagefind finds `soon` in `call_soon()과` and in `loop.callSoon(`, `으로` in
 * `call_soon()으로`).
 * @example
 * wordParts("loop.callSoon(say,"); // ["loopcallSoonsay", "loop", "callSoon", "say", "call", "Soon"]
 */
export function wordParts(word: string): string[] {
  const pieces = word.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  const parts = pieces.flatMap((p) => p.split(/_+/)).filter(Boolean);
  const camel = parts.flatMap((p) => p.split(/(?<=\p{Ll})(?=\p{Lu})/u));
  return [...new Set([pieces.join(""), ...pieces, ...parts, ...camel])];
}

const HANGUL = /[\uac00-\ud7a3]/;

/**
 * Whether a word Pagefind matched on a page matches the searched `word`, rather than being
 * a short word it fell back to. It does when the word, or one of its parts, begins with
 * `word` (Korean compared letter by letter: 멈춰 begins 멈췄다가), or shares its first
 * three letters with it (two syllables of Korean; all of a shorter `word`): a stem
 * (`scheduled` for `scheduling`). And when it is the noun of a Korean `word` whose rest
 * is a particle: 큐 for 큐가.
 * @example
 * realMatch("취소하고", "취소"); // true
 * realMatch("call_soon()과", "soon"); // true
 * realMatch("큐", "큐가"); // true
 * realMatch("c", "cursor"); // false
 */
export function realMatch(matched: string, word: string): boolean {
  const w = indexForm(word);
  const wc = w.normalize("NFC");
  const need = Math.min([...wc].length, HANGUL.test(wc) ? 2 : 3);
  return wordParts(matched).some((part) => {
    const p = indexForm(part);
    if (p.startsWith(w)) return true;
    const pc = p.normalize("NFC");
    return sharedStart(pc, wc) >= need || (wc.startsWith(pc) && HANGUL.test(pc) && isParticle(wc.slice(pc.length)));
  });
}

/**
 * The words of a page that Pagefind matched: `locations` index the page's text split as
 * Pagefind splits it (at spaces, or at zero-width spaces when the text has them).
 * @example
 * matchedWords("GIL을 놓아 주는 C 코드", [3]); // ["C"]
 */
export function matchedWords(content: string, locations: readonly number[]): string[] {
  const words = content.includes("\u200B") ? content.split("\u200B") : content.split(/[^\S\uFEFF]+/);
  return locations.map((i) => words[i]).filter((w): w is string => w !== undefined);
}

/**
 * Whether a result is kept for the searched `words`: each word must really match one of
 * the page's matched words. A page where a word matched only a lone letter is dropped; one
 * with no matched words in its text (the match was in its title) is kept.
 * @example
 * keepResult(["C", "c"], ["cursor"]); // false
 * keepResult(["yield", "from", "바"], ["yield", "from", "바나나"]); // false
 * keepResult(["취소하고"], ["취소"]); // true
 */
export function keepResult(matched: readonly string[], words: readonly string[]): boolean {
  return matched.length === 0 || words.every((w) => matched.some((m) => realMatch(m, w)));
}

/** A result as the merge below needs it: Pagefind's page id and score. */
export interface Scored {
  id: string;
  score: number;
}

/**
 * When no page has every word of a search (Pagefind finds only pages with all of them),
 * the pages that have some: `lists[i]` is what word `i` found alone. Pages with more of
 * the words come first, then by their summed score; each says which words it lacks.
 * @example
 * somePages([[{ id: "a", score: 1 }, { id: "b", score: 2 }], [{ id: "b", score: 1 }], []]);
 * // [{ result: b, missing: [2] }, { result: a, missing: [1, 2] }]
 */
export function somePages<R extends Scored>(lists: readonly (readonly R[])[]): { result: R; missing: number[] }[] {
  const pages = new Map<string, { result: R; found: Set<number>; score: number }>();
  lists.forEach((list, word) => {
    for (const r of list) {
      const page = pages.get(r.id) ?? { result: r, found: new Set<number>(), score: 0 };
      page.found.add(word);
      page.score += r.score;
      pages.set(r.id, page);
    }
  });
  return [...pages.values()]
    .sort((a, b) => b.found.size - a.found.size || b.score - a.score)
    .map(({ result, found }) => ({ result, missing: lists.map((_, i) => i).filter((i) => !found.has(i)) }));
}

/**
 * The words a page lacks, as the reader typed them: `missing` are positions among the
 * searched words of `searched` (the term after the site read it: particles cut, spellings
 * standardised). When the reader's words line up one to one with those, theirs are shown;
 * otherwise the searched words.
 * @example
 * missingWords("yield from 문법을", "yield from 문법", [2]); // ["문법을"]
 */
export function missingWords(typed: string, searched: string, missing: readonly number[]): string[] {
  const mine = typedWords(typed);
  const used = searchWords(searched).map((w) => w.normalize("NFC"));
  const shown = mine.length === used.length ? mine : used;
  return missing.map((i) => shown[i]).filter((w): w is string => w !== undefined);
}
