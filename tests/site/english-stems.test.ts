import { describe, expect, it } from "vitest";
import { stem } from "../../src/components/client/english-stems";

describe("English search words cut back for the unstemmed index", () => {
  it.each([
    ["scheduling", "schedul"],
    ["scheduled", "schedul"],
    ["schedules", "schedul"],
    ["schedule", "schedul"],
    ["cancelled", "cancel"], // the doubled l made single
    ["running", "run"],
    ["awaiting", "await"],
    ["queues", "queu"],
    ["queue", "queu"],
    ["queries", "quer"],
    ["coroutines", "coroutin"],
    ["tasks", "task"],
    ["types", "type"], // "typ" would be too short: -s only
    ["Futures", "futur"],
  ])("cuts %s to %s", (word, cut) => {
    expect(stem(word)).toBe(cut);
  });

  it.each([
    ["done", "a cut would leave too little"],
    ["string", "a cut would leave too little"],
    ["added", "a cut would leave too little"],
    ["this", "a cut would leave too little"],
    ["status", "-us is no plural"],
    ["class", "-ss is no plural"],
    ["call_soon", "a code word"],
    ["__next__", "a code word"],
    ["utf8", "has a digit"],
    ["제너레이터", "not English"],
  ])("leaves %s (%s)", (word) => {
    expect(stem(word)).toBe(word);
  });

  it("keeps what each form of a word has in common as a start of it", () => {
    for (const forms of [["schedule", "schedules", "scheduled", "scheduling"], ["cancel", "cancels", "cancelled", "cancelling"], ["queue", "queues"]]) {
      for (const form of forms) for (const other of forms) expect(other.startsWith(stem(form)), `${other} starts with stem(${form})`).toBe(true);
    }
  });
});
