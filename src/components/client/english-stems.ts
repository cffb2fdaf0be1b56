/**
 * English search words cut back to the start every form of them shares, for the indexes
 * Pagefind does not stem. English mode's records have a stemmed index of their own, but
 * Korean and Both mode search the Korean index, where English words (Both mode's English
 * blocks, and the English terms inside Korean prose) are kept as written. There Pagefind
 * finds a word by its start, so "schedul" finds schedule, schedules, scheduled and
 * scheduling, while "scheduling" finds only itself. A cut only widens a search, since what
 * is left is a start of the word.
 *
 *   stem("scheduling"); // "schedul" (./search-term.ts cuts each word of a search)
 */

/** What must be left of a word after a cut: shorter stems would match too much. */
const MIN_LEFT = 4;
const PLAIN_WORD = /^[a-z]+$/i;

/** `word` without its last `n` letters, when enough is left; else the word. */
function cut(word: string, n: number): string | null {
  return word.length - n >= MIN_LEFT ? word.slice(0, -n) : null;
}

/** A doubled last letter made single, as "cancelled" has it for "cancel": "runn" → "run". */
function undouble(stem: string): string {
  const n = stem.length;
  return n >= MIN_LEFT && stem[n - 1] === stem[n - 2] && stem[n - 1] !== "s" ? stem.slice(0, -1) : stem;
}

/**
 * One word cut back: -ing and -ed (with a doubled letter made single), -ies, -es, -s and a
 * final -e. Code words (`call_soon`, `__next__`) and words with digits are left whole.
 *
 *   stem("scheduling"); // "schedul"
 *   stem("queues");     // "queu"
 *   stem("tasks");      // "task"
 *   stem("done");       // "done" (too short to cut)
 */
export function stem(word: string): string {
  if (!PLAIN_WORD.test(word)) return word;
  const w = word.toLowerCase();
  for (const suffix of ["ing", "ed"]) {
    const left = w.endsWith(suffix) ? cut(w, suffix.length) : null;
    if (left) return undouble(left);
  }
  if (w.endsWith("ies")) return cut(w, 3) ?? w;
  if (w.endsWith("es")) return cut(w, 2) ?? cut(w, 1) ?? w;
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) return cut(w, 1) ?? w;
  if (w.endsWith("e")) return cut(w, 1) ?? w;
  return w;
}
