/**
 * Published anchors are permanent (content/pages/anchors.json, written by
 * `npm run anchors:publish`): courses link `/<slug>/#<id>`, so every id once published
 * stays on its page, the file only grows, and every anchor a page has is published.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pageAnchors } from "../../src/components/embed/anchors";
import { PAGES_DIR, pageList } from "./page-list";

type Published = Record<string, string[]>;

const FILE = "content/pages/anchors.json";
const published = JSON.parse(readFileSync(`${PAGES_DIR}anchors.json`, "utf8")) as Published;
const onPages = new Map(pageList().map((p) => [p.slug, pageAnchors(readFileSync(`${PAGES_DIR}${p.slug}.mdx`, "utf8")).map((a) => a.id)]));

/** The file as last committed (none outside a git checkout). */
function committed(): Published {
  try {
    return JSON.parse(execFileSync("git", ["show", `HEAD:${FILE}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as Published;
  } catch {
    return {};
  }
}

describe(`published anchors (${FILE})`, () => {
  it("covers every page with the anchors of all four kinds", () => {
    expect(Object.keys(published).sort()).toEqual([...onPages.keys()].sort());
    const all = Object.values(published).flat();
    expect(all.length).toBeGreaterThan(200);
    expect(all.some((id) => id.startsWith("example-"))).toBe(true);
  });

  it("keeps every published anchor on its page", () => {
    const gone = Object.entries(published).flatMap(([slug, ids]) => ids.filter((id) => !onPages.get(slug)?.includes(id)).map((id) => `${slug}#${id}`));
    expect(gone, "a course may link these: put the id back on its page (a page never loses a published anchor)").toEqual([]);
  });

  it("publishes every anchor a page has", () => {
    const unpublished = [...onPages].flatMap(([slug, ids]) => ids.filter((id) => !published[slug]?.includes(id)).map((id) => `${slug}#${id}`));
    expect(unpublished, "run `npm run anchors:publish` and commit content/pages/anchors.json").toEqual([]);
  });

  it("only ever grows: everything committed before is still listed", () => {
    const before = committed();
    const dropped = Object.entries(before).flatMap(([slug, ids]) => ids.filter((id) => !published[slug]?.includes(id)).map((id) => `${slug}#${id}`));
    expect(dropped, "published anchors are never removed or renamed").toEqual([]);
  });
});
