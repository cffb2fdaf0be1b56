import { describe, expect, it } from "vitest";
import { stem } from "../../src/components/client/korean-stems";

describe("Korean search words without their particles", () => {
  it.each([
    ["루프를", "루프"],
    ["코루틴은", "코루틴"],
    ["이벤트루프에서는", "이벤트루프"], // the longest particle that fits, not 는
    ["asyncio의", "asyncio"],
    ["태스크로", "태스크"],
  ])("cuts the particle off %s", (word, cut) => {
    expect(stem(word)).toBe(cut);
  });

  it.each([
    ["값을", "its stem would be one letter"],
    ["결과", "its stem would be one letter"],
    ["제너레이터", "no particle"],
    ["send", "not Korean"],
    ["await)", "not Korean"],
  ])("leaves %s (%s)", (word) => {
    expect(stem(word)).toBe(word);
  });
});
