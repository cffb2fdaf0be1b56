import { describe, expect, it } from "vitest";
import type { Element, ElementContent, Root } from "hast";
import rehypeCodeCopy from "../../src/components/user/rehype-code-copy";

const el = (tagName: string, children: ElementContent[]): Element => ({ type: "element", tagName, properties: {}, children });
const pre = (text: string): Element => el("pre", [el("code", [{ type: "text", value: text }])]);

/** The Copy button written beside `block`'s code, as [label, aria-label, done]. */
function button(block: Element): unknown[] {
  expect(block.tagName).toBe("div");
  expect(block.properties.className).toEqual(["code-block"]);
  const b = block.children[1] as Element;
  expect(b.tagName).toBe("button");
  expect(b.properties.className).toEqual(["code-copy", "needs-js"]);
  expect((block.children[2] as Element).properties.role).toBe("status");
  return [(b.children[0] as { value: string }).value, b.properties.ariaLabel, b.properties.dataDone];
}

describe("rehype-code-copy", () => {
  it("gives each code block a Copy button in the language of its block", () => {
    const tree: Root = {
      type: "root",
      children: [
        { type: "mdxJsxFlowElement", name: "Pair", attributes: [], children: [
          { type: "mdxJsxFlowElement", name: "Ko", attributes: [], children: [pre("print(1)")] },
          { type: "mdxJsxFlowElement", name: "En", attributes: [], children: [el("div", [pre("print(2)")])] },
        ] },
        pre("print(3)"),
      ] as Root["children"],
    };
    rehypeCodeCopy()(tree);
    const pair = tree.children[0] as unknown as { children: { children: Element[] }[] };
    expect(button(pair.children[0].children[0])).toEqual(["복사", "코드 복사", "복사했습니다"]);
    expect(button((pair.children[1].children[0] as Element).children[0] as Element)).toEqual(["Copy", "Copy code", "Copied"]);
    // Outside a language's block: both languages.
    expect(button(tree.children[1] as Element)).toEqual(["복사 · Copy", "코드 복사 · Copy code", "복사했습니다 · Copied"]);
    // The code itself is untouched, first in its box.
    expect(((tree.children[1] as Element).children[0] as Element).tagName).toBe("pre");
  });
});
