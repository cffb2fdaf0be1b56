import { describe, expect, it } from "vitest";
import type { Element, ElementContent, Root } from "hast";
import rehypeTableScroll, { STACK_FROM_COLUMNS } from "../../src/components/user/rehype-table-scroll";

const el = (tagName: string, children: ElementContent[] = []): Element => ({ type: "element", tagName, properties: {}, children });
const text = (value: string): ElementContent => ({ type: "text", value });

/** A Markdown table as MDX gives it: a heading row of `th`, then rows of `td`. */
function table(head: ElementContent[][], rows: ElementContent[][][]): Element {
  return el("table", [
    el("thead", [el("tr", head.map((cell) => el("th", cell)))]),
    el("tbody", rows.map((row) => el("tr", row.map((cell) => el("td", cell))))),
  ]);
}

const cells = (t: Element, tag: string): Element[] => {
  const out: Element[] = [];
  const walk = (n: Element): void => {
    if (n.tagName === tag) out.push(n);
    for (const c of n.children) if (c.type === "element") walk(c);
  };
  walk(t);
  return out;
};

describe("rehype-table-scroll", () => {
  it("labels each cell of a table of three columns with its column's heading, so a narrow box can show rows as cards", () => {
    const wide = table(
      [[text("Python")], [text("TypeScript")], [text("Why "), el("code", [text("send")])]],
      [[[el("code", [text("coro.send(v)")])], [el("code", [text("coro.next(v)")])], [text("the same step")]]],
    );
    const tree: Root = { type: "root", children: [wide] };
    rehypeTableScroll()(tree);
    const box = tree.children[0] as Element;
    expect(box.properties.className).toEqual(["table-scroll", "table-scroll--stack"]);
    expect(box.properties).toMatchObject({ tabIndex: 0, role: "region" });
    expect(cells(wide, "td").map((td) => td.properties.dataLabel)).toEqual(["Python", "TypeScript", "Why send"]);
    // Laid out as blocks, a table keeps its roles only when they are said outright.
    expect(wide.properties.role).toBe("table");
    expect(cells(wide, "tr").map((tr) => tr.properties.role)).toEqual(["row", "row"]);
    expect(cells(wide, "th").map((th) => th.properties.role)).toEqual(["columnheader", "columnheader", "columnheader"]);
    expect(cells(wide, "td").map((td) => td.properties.role)).toEqual(["cell", "cell", "cell"]);
    expect(cells(wide, "thead")[0].properties.role).toBe("rowgroup");
  });

  it("leaves a two-column table to scroll, unlabelled, and still ends every cell in a space for the search index", () => {
    expect(STACK_FROM_COLUMNS).toBe(3);
    const narrow = table([[text("Object")], [text("Who drives it")]], [[[text("Task")], [text("the loop")]]]);
    const tree: Root = { type: "root", children: [narrow] };
    rehypeTableScroll()(tree);
    expect((tree.children[0] as Element).properties.className).toEqual(["table-scroll"]);
    expect(cells(narrow, "td").map((td) => td.properties.dataLabel)).toEqual([undefined, undefined]);
    expect(narrow.properties.role).toBeUndefined();
    expect([...cells(narrow, "th"), ...cells(narrow, "td")].map((c) => c.children.at(-1))).toEqual(Array(4).fill(text(" ")));
  });
});
