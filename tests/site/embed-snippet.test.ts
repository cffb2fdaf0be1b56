import { describe, expect, it } from "vitest";
import { runInNewContext } from "node:vm";
import { embedHeight, embedUrl, fitFramesScript, iframeSnippet, lineCount, markdownLink } from "../../src/components/embed/snippet";
import { pageAnchors } from "../../src/components/embed/anchors";

describe("embed snippets", () => {
  it("puts only the non-default choices in the embed URL", () => {
    expect(embedUrl("https://h.example/notes/", "task-states")).toBe("https://h.example/notes/embed/task-states/");
    expect(embedUrl("https://h.example/notes/", "task-states", { lang: "both", theme: "system", tab: "ts" })).toBe(
      "https://h.example/notes/embed/task-states/",
    );
    expect(embedUrl("https://h.example/", "x", { lang: "en", theme: "dark", tab: "py", share: "example=x&code=abc" })).toBe(
      "https://h.example/embed/x/?lang=en&theme=dark&tab=py#example=x&code=abc",
    );
  });

  it("escapes attributes in the iframe tag", () => {
    const tag = iframeSnippet({ src: "https://h/embed/x/?lang=en&theme=dark", title: 'Say "hi" <now>', height: 500 });
    expect(tag).toBe(
      '<iframe src="https://h/embed/x/?lang=en&amp;theme=dark" title="Say &quot;hi&quot; &lt;now>" width="100%" height="500" style="border:0;max-width:100%" loading="lazy" allow="clipboard-write"></iframe>',
    );
  });

  it("gives course pages a script that sizes the site's frames from their height messages, and nothing else", () => {
    const script = fitFramesScript("https://h.example/notes/");
    expect(script).toMatch(/^<script>.*<\/script>$/s);
    // Run it against a stand-in page: two frames, messages from the site and from elsewhere.
    let onMessage: (e: unknown) => void = () => undefined;
    const frames = [{ contentWindow: {}, style: { height: "" } }, { contentWindow: {}, style: { height: "" } }];
    runInNewContext(script.replace(/^<script>|<\/script>$/g, ""), {
      addEventListener: (type: string, fn: (e: unknown) => void) => type === "message" && (onMessage = fn),
      document: { querySelectorAll: () => frames },
    });
    const post = (origin: string, source: object, data: unknown) => onMessage({ origin, source, data });
    post("https://h.example", frames[1].contentWindow, { type: "asyncio-notes:height", id: "x", height: 731 });
    expect(frames.map((f) => f.style.height)).toEqual(["", "731px"]);
    post("https://h.example.evil", frames[0].contentWindow, { type: "asyncio-notes:height", height: 9 });
    post("https://other.example", frames[0].contentWindow, { type: "asyncio-notes:height", height: 9 });
    post("https://h.example", frames[0].contentWindow, { type: "something-else", height: 9 });
    post("https://h.example", frames[0].contentWindow, null);
    expect(frames.map((f) => f.style.height)).toEqual(["", "731px"]);
  });

  it("counts the lines of the longest text, leaving out trailing blank lines", () => {
    expect(lineCount("a\nb\n\n", "c")).toBe(2);
    expect(lineCount("one")).toBe(1);
  });

  it("grows with the code, the output (up to the 16 lines its box shows), the caption and a featured loop hint", () => {
    expect(embedHeight(38, 9)).toBe(1415);
    expect(embedHeight(10, 50)).toBe(embedHeight(10, 16));
    expect(embedHeight(10, 16)).toBeGreaterThan(embedHeight(10, 15));
    const caption = { ko: "가".repeat(84), en: "a".repeat(84) };
    expect(embedHeight(10, 5, { caption })).toBe(embedHeight(10, 5) + 24 * 3);
    expect(embedHeight(10, 5, { featured: true })).toBe(embedHeight(10, 5) + 80);
  });

  it("writes Markdown links whose text and URL cannot break out", () => {
    expect(markdownLink("a [b] c", "https://h/x/#p (1)")).toBe("[a \\[b\\] c](https://h/x/#p%20%281%29)");
  });

  it("lists a page's anchors in order, examples under their element id", () => {
    const mdx = '<Heading id="send" level={2} ko="a" en="b" />\n<Pair id="p-1">\n<Ko>x</Ko></Pair>\n<Example id="ex-one" />\n<Correction id="c-1">';
    expect(pageAnchors(mdx)).toEqual([
      { kind: "heading", id: "send" },
      { kind: "pair", id: "p-1" },
      { kind: "example", id: "example-ex-one" },
      { kind: "correction", id: "c-1" },
    ]);
  });
});
