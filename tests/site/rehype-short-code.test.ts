import { describe, expect, it } from "vitest";
import type { Element, ElementContent, Root, RootContent } from "hast";
import rehypeShortCode from "../../src/components/user/rehype-short-code";
import { SHORT_CODE } from "../../src/components/text";

const code = (text: string): Element => ({ type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: text }] });
const el = (tagName: string, children: ElementContent[]): Element => ({ type: "element", tagName, properties: {}, children });

describe("rehype-short-code", () => {
  it("marks short inline code, in prose and inside MDX components, and leaves long code, code blocks and tables alone", () => {
    const short = code("{ value, done }");
    const edge = code("x".repeat(SHORT_CODE));
    const long = code("x".repeat(SHORT_CODE + 1));
    const block = code("print('hi')");
    const inJsx = code("yield from");
    const inTable = code("send(v)");
    const tree: Root = {
      type: "root",
      children: [
        el("p", [{ type: "text", value: "a " }, short, edge, long]),
        el("pre", [block]),
        el("table", [el("tbody", [el("tr", [el("td", [inTable])])])]),
        { type: "mdxJsxFlowElement", name: "Ko", attributes: [], children: [el("p", [inJsx])] },
      ],
    };
    rehypeShortCode()(tree);
    expect(short.properties.className).toEqual(["nw"]);
    expect(edge.properties.className).toEqual(["nw"]);
    expect(long.properties.className).toBeUndefined();
    expect(block.properties.className).toBeUndefined();
    expect(inJsx.properties.className).toEqual(["nw"]);
    expect(inTable.properties.className).toBeUndefined();
  });
});
