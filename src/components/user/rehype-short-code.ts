/**
 * A rehype plugin that keeps short inline code on one line. A browser breaks inline code
 * where it would break text (at spaces, after a hyphen or a slash), so `{ value, done }`
 * could end one line with `{` and start the next with `value, done }`. Inline code of up
 * to `SHORT_CODE` characters (text.ts; `Bi.astro` does the same for titles and captions)
 * gets the class `nw` (white-space: nowrap in base.css): it moves to the next line
 * whole. Longer code, such as a whole call with its arguments, still wraps, or a phone's
 * column would scroll sideways. Code with no place to break at (a name or a call,
 * `asyncio.get_running_loop()`) needs no class: it moves whole anyway, and on the
 * narrowest phones may still break at the column's edge instead of sticking out.
 * Code in a table is left to wrap: kept whole, it widens its column until the table
 * scrolls.
 */
import type { Element, Root, RootContent } from "hast";
import { SKIP, visit } from "unist-util-visit";
import { codeClass } from "../text";

function text(node: RootContent): string {
  if (node.type === "text") return node.value;
  if ("children" in node && Array.isArray(node.children)) return (node.children as RootContent[]).map(text).join("");
  return "";
}

function addClass(el: Element, name: string): void {
  const now = el.properties.className;
  // hast keeps className as a list (inline code from Markdown has none).
  const list = Array.isArray(now) ? now.map(String) : [];
  el.properties.className = [...list, name];
}

/** Marks inline code anywhere, MDX's JSX nodes included (prose usually sits inside <Pair><Ko>), skipping code blocks and tables. */
export default function rehypeShortCode() {
  return (tree: Root): void => {
    visit(tree, "element", (node) => {
      if (node.tagName === "pre" || node.tagName === "table") return SKIP;
      if (node.tagName !== "code") return;
      const name = codeClass(text(node));
      if (name !== undefined) addClass(node, name);
      return SKIP;
    });
  };
}
