import { describe, expect, it } from "vitest";
import { pagefindWords } from "../../src/components/client/search-words";

describe("Pagefind's own words in the reader's mode", () => {
  it("are one language in Korean or English mode, both in Both mode", () => {
    expect(pagefindWords("ko").clear_search).toBe("지우기");
    expect(pagefindWords("en").clear_search).toBe("Clear");
    expect(pagefindWords("both").clear_search).toBe("지우기 · Clear");
  });

  it("carry each of Pagefind's slots exactly once, since it fills only the first", () => {
    for (const mode of ["ko", "en", "both"] as const) {
      const words = pagefindWords(mode);
      for (const [key, text] of Object.entries(words)) {
        for (const slot of ["[SEARCH_TERM]", "[COUNT]", "[DIFFERENT_TERM]"]) {
          expect(text.split(slot).length, `${mode} ${key} ${slot}`).toBeLessThanOrEqual(2);
        }
        // The same slots in every mode as in English (Pagefind's reference wording).
        const slots = (t: string) => (t.match(/\[[A-Z_]+\]/g) ?? []).sort();
        expect(slots(text), `${mode} ${key}`).toEqual(slots(pagefindWords("en")[key as keyof typeof words]));
      }
    }
  });
});
