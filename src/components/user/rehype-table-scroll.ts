/**
 * A rehype plugin that wraps every Markdown table in a scrolling box: a wide table in a
 * narrow column (Both mode, or a phone) scrolls sideways inside the box instead of the
 * page. The box is focusable and named, so keyboard users can scroll it too.
 */
import type { Element, Root, RootContent } from "hast";

const LABEL = "표 · Table";

/** Walks elements and MDX's JSX nodes (a table usually sits inside <Pair><Ko>). */
function wrap(children: RootContent[]): void {
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type === "element" && node.tagName === "table") {
      const box: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["table-scroll"], tabIndex: 0, role: "region", ariaLabel: LABEL },
        children: [node],
      };
      children[i] = box;
      continue;
    }
    if ("children" in node && Array.isArray(node.children)) wrap(node.children as RootContent[]);
  }
}

export default function rehypeTableScroll() {
  return (tree: Root): void => wrap(tree.children);
}
