/**
 * The build-time checks on how pages use the site's MDX components: every authoring
 * mistake must fail with a message naming the page, the line and the id, and a good page
 * must yield its contents (toc) and the language blocks' ids.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@mdx-js/mdx";
import { VFile } from "vfile";
import remarkUserComponents, { type TocEntry } from "../../src/components/user/remark-user-components";

async function run(body: string) {
  const file = new VFile({ path: `${process.cwd()}/content/pages/sample.mdx`, value: body });
  const out = await compile(file, { remarkPlugins: [remarkUserComponents], jsx: true });
  const data = out.data as { astro?: { frontmatter?: { toc?: TocEntry[] } } };
  return { code: String(out), toc: data.astro?.frontmatter?.toc ?? [] };
}

const pair = (id: string, inner = "<Ko>\n\n가\n\n</Ko>\n<En>\n\nA\n\n</En>") => `<Pair id="${id}">\n${inner}\n</Pair>\n`;

describe("remark-user-components", () => {
  it("collects headings in order, with levels and both languages", async () => {
    const { toc } = await run(
      [
        '<Heading id="send" level={2} ko="값 보내기: `send()`" en="Sending values: `send()`" />',
        pair("a"),
        '<Heading id="throw" level={3} ko="예외 던지기" en="Throwing" />',
      ].join("\n\n"),
    );
    expect(toc).toEqual([
      { id: "send", level: 2, ko: "값 보내기: `send()`", en: "Sending values: `send()`" },
      { id: "throw", level: 3, ko: "예외 던지기", en: "Throwing" },
    ]);
  });

  it("gives the language blocks their ids and marks those inside a Correction", async () => {
    const { code } = await run(pair("generator-pauses") + "\n" + '<Correction id="fix-1">\n<Ko>\n\n정정\n\n</Ko>\n<En>\n\nFix\n\n</En>\n</Correction>\n');
    expect(code).toContain('id="generator-pauses--ko"');
    expect(code).toContain('id="generator-pauses--en"');
    expect(code).toMatch(/<Ko id="fix-1--ko" correction>/);
    expect(code).toMatch(/<En id="fix-1--en" correction>/);
  });

  it("fails on a Pair without its En, naming the page, line and id", async () => {
    await expect(run("\n\n" + pair("lonely", "<Ko>\n\n가\n\n</Ko>"))).rejects.toThrow(
      /content\/pages\/sample\.mdx:3: <Pair id="lonely"> must contain exactly <Ko> then <En>; found <Ko> \(the <En> block is missing\)/,
    );
  });

  it("fails on En before Ko", async () => {
    await expect(run(pair("swapped", "<En>\n\nA\n\n</En>\n<Ko>\n\n가\n\n</Ko>"))).rejects.toThrow(/<Pair id="swapped"> must contain exactly <Ko> then <En>; found <En>, <Ko>/);
  });

  it("fails on duplicate ids, including a heading and a pair sharing one", async () => {
    await expect(run(pair("twice") + "\n" + pair("twice"))).rejects.toThrow(/sample\.mdx:\d+: duplicate id "twice" \(<Pair>\); it is already used by <Pair> at line 1/);
    await expect(run('<Heading id="same" level={2} ko="가" en="A" />\n\n' + pair("same"))).rejects.toThrow(/duplicate id "same"/);
  });

  it("fails on an unknown heading level", async () => {
    await expect(run('<Heading id="deep" level={4} ko="가" en="A" />')).rejects.toThrow(/<Heading id="deep"> has level "4"; use level=\{2\} or level=\{3\}/);
    await expect(run('<Heading id="none" ko="가" en="A" />')).rejects.toThrow(/<Heading id="none"> has level missing/);
  });

  it("fails on a heading missing a language, or an id that is not kebab-case", async () => {
    await expect(run('<Heading id="half" level={2} ko="가" />')).rejects.toThrow(/<Heading id="half"> needs both ko="\.\.\." and en="\.\.\." \(missing en\)/);
    await expect(run(pair("Not_Kebab"))).rejects.toThrow(/<Pair id="Not_Kebab">: ids are lowercase kebab-case/);
    await expect(run(pair("").replace(' id=""', ""))).rejects.toThrow(/<Pair> needs an id/);
  });

  it("fails on Ko or En outside a Pair", async () => {
    await expect(run("<Ko>\n\n가\n\n</Ko>")).rejects.toThrow(/sample\.mdx:1: <Ko> must sit directly inside a <Pair> or <Correction>/);
  });

  it("fails when an Example's anchor collides", async () => {
    await expect(run('<Example id="hello" />\n\n<Example id="hello" />')).rejects.toThrow(/duplicate id "example-hello"/);
  });
});
