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
 *
 * A Korean particle or ending written right after short code (`True`다, `await`로) stays
 * on the code's line: the two go into a `<span class="nwj">` (white-space: nowrap), or a
 * browser could end a line with `True` and start the next with 다.
 */
import type { Element, Root, RootContent } from "hast";
import { SKIP, visit } from "unist-util-visit";
import { codeClass, particleAfter } from "../text";

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

/** Where code in a table may break: after a dot or an underscore that ends a word (not a dunder's, not a number's decimal point), a parenthesis or a comma. */
const BREAK_AFTER = /((?<=[\p{L}\p{N})\]])(?<!\p{N})\.|(?<=[\p{L}\p{N}])_|[(,])(?=[^\s._(),])/gu;

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

type Parent = { children: RootContent[] };

/** Joins short inline code and the Hangul right after it in one `span.nwj`, in prose and tables alike (not in code blocks). */
function keepParticles(tree: Root): void {
  const glued = new Set<RootContent | Root>();
  visit(tree, (node) => {
    if (node.type === "element" && (node.tagName === "pre" || glued.has(node))) return SKIP;
    if (!("children" in node) || !Array.isArray(node.children)) return;
    const parent = node as Parent;
    for (let i = 0; i + 1 < parent.children.length; i++) {
      const code = parent.children[i];
      const after = parent.children[i + 1];
      if (code.type !== "element" || code.tagName !== "code" || after.type !== "text") continue;
      const particle = particleAfter(text(code), after.value);
      if (!particle) continue;
      const span: Element = {
        type: "element",
        tagName: "span",
        properties: { className: ["nwj"] },
        children: [code, { type: "text", value: particle }],
      };
      glued.add(span);
      const rest = after.value.slice(particle.length);
      parent.children.splice(i, 2, span, ...(rest ? [{ type: "text" as const, value: rest }] : []));
    }
  });
}

/** Marks inline code anywhere, MDX's JSX nodes included (prose usually sits inside <Pair><Ko>), skipping code blocks; code in tables gets its break points. */
export default function rehypeShortCode() {
  return (tree: Root): void => {
    keepParticles(tree);
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
