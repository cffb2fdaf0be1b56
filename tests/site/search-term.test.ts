import { describe, expect, it } from "vitest";
import { searchTerm } from "../../src/components/client/search-term";

describe("a search term, cut back for the index of the reader's mode", () => {
  it("does each word of a term, spacing kept as single spaces", () => {
    expect(searchTerm("  이벤트 루프를   돌리는 코루틴은 ", "ko")).toBe("이벤트 루프 돌리 코루틴");
    expect(searchTerm("  scheduling  cancelled tasks ", "both")).toBe("schedul cancel task");
    expect(searchTerm("call_soon", "ko")).toBe("call_soon");
  });

  it("cuts Korean particles in every mode, English endings only outside English mode", () => {
    expect(searchTerm("루프를 scheduling", "both")).toBe("루프 schedul");
    expect(searchTerm("루프를 scheduling", "ko")).toBe("루프 schedul");
    expect(searchTerm("루프를 scheduling", "en")).toBe("루프 scheduling");
  });
});
