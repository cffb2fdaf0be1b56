/**
 * What the reader types into search, as the index of their mode should be searched
 * (Pagefind UI's `processTerm`, SiteSearch.astro): each word split off once and cut back
 * to the start its forms share. Korean words lose their particle in every mode
 * (./korean-stems.ts); English words lose their ending outside English mode, whose index
 * Pagefind stems itself (./english-stems.ts). A Korean spelling the site does not use
 * (제네레이터) is read as the site's term first (./korean-variants.ts).
 *
 *   searchTerm(" 루프를  scheduling ", "both"); // "루프 schedul"
 *   searchTerm("루프를 scheduling", "en");      // "루프 scheduling"
 */
import type { Mode } from "../../i18n/lang";
import { stem as englishStem } from "./english-stems";
import { stem as koreanStem } from "./korean-stems";
import { standardSpelling } from "./korean-variants";

const bothStems = (word: string): string => englishStem(koreanStem(word));

/**
 * `term` with each word cut back for `mode`'s index; spacing kept as single spaces. A
 * Korean spelling the site does not use is read as the term it uses (./korean-variants.ts).
 */
export function searchTerm(term: string, mode: Mode): string {
  return standardSpelling(term.trim().split(/\s+/).join(" ")).split(" ").map(mode === "en" ? koreanStem : bothStems).join(" ");
}
