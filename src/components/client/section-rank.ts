/**
 * Which of a search result's sections Pagefind's UI shows. The UI keeps the three with
 * the most matched words (`locations.length`), so long sections whose code repeats a
 * word crowded out the section whose heading is the search: `async with` listed
 * "Example: AsyncAdd", "async for" and "Asynchronous generators", not `#async-with`; `퓨처`
 * listed "퓨처와 태스크" and two others, not `#future`. This gives the UI a count that puts
 * first the section titled exactly as searched, then those whose title holds more of
 * the searched words, then the most matched words, as before.
 *
 *   processResult: (result) => { rankSections(result.sub_results ?? [], lastTerm); return result; }
 */

/** The part of Pagefind's sub-result this reads and rewrites. */
export interface RankedSection {
  title: string;
  locations: number[];
}

/** Letters and digits only, lower case: how a title is compared with the search. */
const folded = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** A section's rank for `term` (the words searched, as the index was searched). */
export function sectionRank(section: RankedSection, term: string): number {
  const words = term.split(/\s+/).map(folded).filter((w) => w !== "");
  const title = folded(section.title);
  const exact = words.length > 0 && title === words.join("") ? 1 : 0;
  const held = words.filter((w) => title.includes(w)).length;
  return exact * 10_000 + held * 100 + Math.min(section.locations.length, 99);
}

/**
 * Rewrite each section's `locations` so that its length is its rank (`sectionRank`):
 * Pagefind's UI sorts by that length alone. The locations are the section's own, the
 * first repeated where the rank needs more.
 * @example
 * const s = { title: "퓨처", locations: [3, 9] };
 * rankSections([s], "퓨처"); // s.locations.length === 10_102
 */
export function rankSections(sections: RankedSection[], term: string): void {
  for (const section of sections) {
    const rank = sectionRank(section, term);
    const own = section.locations;
    if (own.length === 0 || own.length >= rank) continue;
    section.locations = own.concat(Array<number>(rank - own.length).fill(own[0]));
  }
}
