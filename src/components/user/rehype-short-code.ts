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
 * Code in a table gets the class `tc` and breaks only after a dot, an underscore, an
 * opening parenthesis or a comma (a `<wbr>` there) and at spaces, never inside a name:
 * `types.|GeneratorType`, not `types.Generat|orType`, and Korean in code stays whole. A
 * column too narrow for a name widens until the table scrolls (tables sit in a scroll box).
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

/** Where code in a table may break: after a dot or an underscore that ends a word (not a dunder's), a parenthesis or a comma. */
const BREAK_AFTER = /((?<=[\p{L}\p{N})\]])\.|(?<=[\p{L}\p{N}])_|[(,])(?=[^\s._(),])/gu;

/** Puts a `<wbr>` after each dot, underscore, opening parenthesis and comma of the code's text. */
function breakPoints(code: Element): void {
  code.children = code.children.flatMap((child): Element["children"] => {
    if (child.type !== "text") return [child];
    const parts = child.value.split(BREAK_AFTER);
    const out: Element["children"] = [];
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] === "") continue;
      out.push({ type: "text", value: parts[i] });
      if (i % 2 === 1) out.push({ type: "element", tagName: "wbr", properties: {}, children: [] });
    }
    return out;
  });
}

/** Marks inline code anywhere, MDX's JSX nodes included (prose usually sits inside <Pair><Ko>), skipping code blocks; code in tables gets its break points. */
export default function rehypeShortCode() {
  return (tree: Root): void => {
    visit(tree, "element", (node) => {
      if (node.tagName === "pre") return SKIP;
      if (node.tagName === "table") {
        visit(node, "element", (inner) => {
          if (inner.tagName !== "code") return;
          addClass(inner, "tc");
          breakPoints(inner);
          return SKIP;
        });
        return SKIP;
      }
      if (node.tagName !== "code") return;
      const name = codeClass(text(node));
      if (name !== undefined) addClass(node, name);
      return SKIP;
    });
  };
}
