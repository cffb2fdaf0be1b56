import { describe, expect, it } from "vitest";
import { current } from "../../src/components/client/toc-spy";

type Entry = Parameters<typeof current>[0][number];
const list = ["a", "b", "c", "d"].map((id) => ({ link: { id: `link-${id}` }, heading: { id } }) as unknown as Entry);
const ids = (e: Entry | null) => e?.heading.id ?? null;
const view = (atEnd = false, hash = "") => ({ height: 900, atEnd, hash });

describe("the heading marked in the sidebar", () => {
  it("is the last one past the upper third of the window", () => {
    expect(ids(current(list, [400, 1200, 2000, 2800], view()))).toBeNull();
    expect(ids(current(list, [300, 1200, 2000, 2800], view()))).toBe("a");
    expect(ids(current(list, [-900, 100, 700, 1500], view()))).toBe("b");
    expect(ids(current(list, [-2000, -1200, -400, 250], view()))).toBe("d");
  });

  it("at the end of the page, is the one the address names, or else the last on screen", () => {
    // c and d are short parts at the bottom: they never reach the line.
    expect(ids(current(list, [-900, 100, 500, 700], view(true)))).toBe("d");
    expect(ids(current(list, [-900, 100, 500, 700], view(true, "c")))).toBe("c");
    // The named heading must be on screen, and below the one already passed.
    expect(ids(current(list, [-900, 100, 500, 700], view(true, "a")))).toBe("d");
  });
});
