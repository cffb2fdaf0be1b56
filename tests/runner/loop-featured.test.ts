/**
 * The list of examples whose "See the loop" control is featured: every id is a published
 * example that runs a loop, shown on a page, with a hint in both languages.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { LOOP_FEATURED, loopHint } from "../../src/components/example/loop-featured";
import { loadExample } from "../../src/lib/examples";

const ROOT = join(import.meta.dirname, "../..");
const published = JSON.parse(readFileSync(join(ROOT, "content/examples/ids.json"), "utf8")) as string[];

describe("featured loop views", () => {
  const ids = Object.keys(LOOP_FEATURED);

  it("feature the four kinds the issue names: callbacks and coroutines, send(), a task on a future, gather of sleeps", () => {
    expect(ids).toEqual(["callbacks-and-coroutines", "custom-awaitable", "task-states", "sleep-gather-concurrency"]);
  });

  for (const id of ids) {
    it(`${id}: is published, shown on its section's page, and runs a loop`, () => {
      expect(published).toContain(id);
      const example = loadExample(id, ROOT);
      const page = readFileSync(join(ROOT, "content/pages", `${example.meta.section}.mdx`), "utf8");
      expect(page).toContain(`<Example id="${id}"`);
      expect(example.ts).toMatch(/asyncio\.run\(|runForever\(|runUntilComplete\(/);
    });

    it(`${id}: has a hint in Korean and in English`, () => {
      const hint = loopHint(id);
      expect(hint).not.toBeNull();
      expect(hint?.ko).toMatch(/[가-힣]/);
      expect(hint?.en).toMatch(/^[\x20-\x7e“”’`]+$/);
      expect(hint?.ko).not.toBe(hint?.en);
    });
  }

  it("answers null for an example that is not featured", () => {
    expect(loopHint("hello-asyncio")).toBeNull();
    expect(loopHint("toString")).toBeNull();
  });
});
