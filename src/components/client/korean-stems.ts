/**
 * Korean search words without their particles. Pagefind has no Korean stemmer: it finds a
 * word by its start, so "제너레이터" finds 제너레이터가, 제너레이터를 and 제너레이터의,
 * but "제너레이터가" finds only itself. Cutting the particle (조사) off each word the
 * reader types makes every form of the word match, as English stemming does for
 * "scheduling". A cut only ever widens a search, since the stem is a start of the word.
 *
 *   stem("루프를"); // "루프" (./search-term.ts cuts each word of a search)
 */

/** Particles, longest first, so "에서는" is cut whole rather than as "는". */
const PARTICLES = [
  "에서는", "에서도", "에게서", "으로는", "으로도", "이라는", "이라고", "까지는", "부터는",
  "에서", "에게", "한테", "으로", "까지", "부터", "처럼", "보다", "하고", "이나", "마다",
  "만큼", "이란", "라는", "라고", "에는", "에도", "와는", "과는", "로는", "로도", "이며", "이고",
  "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만",
] as const;

const HANGUL_END = /[\uac00-\ud7a3]$/;

/**
 * Whether `ending` is a particle: what is left of 큐가 after the noun 큐.
 * @example
 * isParticle("가"); // true
 */
export function isParticle(ending: string): boolean {
  return (PARTICLES as readonly string[]).includes(ending);
}

/** One word without its particle, when at least two letters are left: "루프를" → "루프", "값을" stays. */
export function stem(word: string): string {
  if (!HANGUL_END.test(word)) return word;
  for (const p of PARTICLES) {
    if (word.endsWith(p) && [...word].length - [...p].length >= 2) return word.slice(0, -p.length);
  }
  return word;
}
