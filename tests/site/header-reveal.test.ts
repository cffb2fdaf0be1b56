import { describe, expect, it } from "vitest";
import { step } from "../../src/components/client/header-reveal";

const top = 97;

describe("the phone's header, sliding away and back", () => {
  it("follows the reader's own scrolling once it has gone a few pixels one way", () => {
    expect(step({ away: false, from: 900 }, 960, { top, byHand: true })).toEqual({ away: true, from: 960 });
    expect(step({ away: true, from: 960 }, 940, { top, byHand: true })).toEqual({ away: false, from: 940 });
    // A wobble of a few pixels changes nothing, either way.
    expect(step({ away: true, from: 960 }, 955, { top, byHand: true })).toEqual({ away: true, from: 960 });
    expect(step({ away: false, from: 940 }, 945, { top, byHand: true })).toEqual({ away: false, from: 940 });
    // Slow scrolling adds up from where the reader turned.
    let s = { away: false, from: 500 };
    for (let y = 503; y <= 512; y += 3) s = step(s, y, { top, byHand: true });
    expect(s.away).toBe(true);
  });

  it("is put away by a jump the reader did not scroll, up or down", () => {
    expect(step({ away: false, from: 960 }, 400, { top, byHand: false })).toEqual({ away: true, from: 400 });
    expect(step({ away: false, from: 400 }, 2400, { top, byHand: false })).toEqual({ away: true, from: 2400 });
  });

  it("is shown within its own height of the top of the page, however it got there", () => {
    expect(step({ away: true, from: 2000 }, 97, { top, byHand: false })).toEqual({ away: false, from: 97 });
    expect(step({ away: true, from: 2000 }, 0, { top, byHand: true })).toEqual({ away: false, from: 0 });
  });
});
