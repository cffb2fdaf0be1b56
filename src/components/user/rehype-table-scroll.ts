/**
 * A rehype plugin that wraps every Markdown table in a scrolling box: a wide table in a
 * narrow column (Both mode, or a phone) scrolls sideways inside the box instead of the
 * page. The box is focusable and named, so keyboard users can scroll it too. Tables
 * inside MDX's components (a table usually sits inside <Pair><Ko>) are found too.
 * Each cell ends in a space, so the search index does not read two header cells as one
 * word ("ObjectWho drives it").
 */
import type { Element, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

const LABEL = "표 · Table";

export default function rehypeTableScroll() {
  return (tree: Root): void => {
    visit(tree, { type: "element", tagName: "table" }, (table, index, parent) => {
      if (!parent || index === undefined) return;
      const box: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: LABEL },
        children: [table as Element],
      };
      parent.children[index] = box;
      // (MDX drops whitespace between cells, so each cell ends in a space of its own.)
      visit(table, "element", (cell) => {
        if (cell.tagName === "th" || cell.tagName === "td") cell.children.push({ type: "text", value: " " });
      });
      return SKIP;
    });
  };
}
