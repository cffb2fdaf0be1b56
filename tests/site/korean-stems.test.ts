import { describe, expect, it } from "vitest";
import { koreanStems, stem } from "../../src/components/client/korean-stems";

describe("Korean search words without their particles", () => {
  it("cuts one particle, the longest that fits", () => {
    expect(stem("루프를")).toBe("루프");
    expect(stem("코루틴은")).toBe("코루틴");
    expect(stem("이벤트루프에서는")).toBe("이벤트루프");
    expect(stem("asyncio의")).toBe("asyncio");
    expect(stem("태스크로")).toBe("태스크");
  });

  it("leaves a word whose stem would be one letter, and words with no particle", () => {
    expect(stem("값을")).toBe("값을");
    expect(stem("결과")).toBe("결과");
    expect(stem("제너레이터")).toBe("제너레이터");
    expect(stem("send")).toBe("send");
    expect(stem("await)")).toBe("await)");
  });

  it("does each word of a term", () => {
    expect(koreanStems("  이벤트 루프를   돌리는 코루틴은 ")).toBe("이벤트 루프 돌리 코루틴");
    expect(koreanStems("call_soon")).toBe("call_soon");
  });
});
