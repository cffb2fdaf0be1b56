/** How a printed line is shown: carriage returns as a terminal draws them. */
import { describe, expect, it } from "vitest";
import { asTerminalShows } from "../../src/components/example/output-view";

describe("a printed line with carriage returns", () => {
  it("shows what a terminal shows: each \\r goes back to the start and writes over", () => {
    expect(asTerminalShows("plain")).toBe("plain");
    // for i in range(3): print(f"\rprogress {i}", end="")
    expect(asTerminalShows("\rprogress 0\rprogress 1\rprogress 2")).toBe("progress 2");
    // A shorter text leaves the end of the longer one, as on a terminal.
    expect(asTerminalShows("\rprogress 2\rdone")).toBe("doneress 2");
    expect(asTerminalShows("windows line\r")).toBe("windows line");
    expect(asTerminalShows("\r\r")).toBe("");
  });
});
