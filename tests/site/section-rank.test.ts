import { describe, expect, it } from "vitest";
import { rankSections, sectionRank, type RankedSection } from "../../src/components/client/section-rank";

/** Pagefind UI's own pick: the three sections with the most locations, in page order. */
function shown(sections: (RankedSection & { url: string })[]): string[] {
  if (sections.length <= 3) return sections.map((s) => s.url);
  const top = [...sections].sort((a, b) => b.locations.length - a.locations.length).slice(0, 3).map((s) => s.url);
  return sections.filter((s) => top.includes(s.url)).map((s) => s.url);
}

const section = (url: string, title: string, matches: number) =>
  ({ url, title, locations: Array.from({ length: matches }, (_, i) => i) });

describe("the sections a search result shows (client/section-rank.ts)", () => {
  it("keeps the section titled as searched, where Pagefind's UI kept the three with the most matches", () => {
    const sections = () => [
      section("#async-add-example", "Example: AsyncAdd, an async with class", 57),
      section("#async-with", "async with", 18),
      section("#async-for", "async for", 57),
      section("#async-generators", "Asynchronous generators", 57),
    ];
    expect(shown(sections())).toEqual(["#async-add-example", "#async-for", "#async-generators"]);
    const ranked = sections();
    rankSections(ranked, "async with");
    expect(shown(ranked)).toEqual(["#async-add-example", "#async-with", "#async-for"]);
  });

  it("ranks an exact title over a title that holds the word, and that over the body's matches", () => {
    expect(sectionRank(section("#future", "퓨처", 3), "퓨처")).toBeGreaterThan(sectionRank(section("#ft", "퓨처와 태스크", 40), "퓨처"));
    expect(sectionRank(section("#ft", "퓨처와 태스크", 1), "퓨처")).toBeGreaterThan(sectionRank(section("#x", "예제", 99), "퓨처"));
    expect(sectionRank(section("#x", "Sending values: send()", 5), "send")).toBe(105);
  });

  it("leaves the order alone when no title holds the words, and sections without matches alone", () => {
    const ranked = [section("#a", "A", 3), section("#b", "B", 1), section("#c", "C", 0)];
    rankSections(ranked, "zebra");
    expect(ranked.map((s) => s.locations.length)).toEqual([3, 1, 0]);
  });
});
