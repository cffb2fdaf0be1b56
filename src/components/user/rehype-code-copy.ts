/**
 * A rehype plugin that gives every code block of a page (the notes' own code, not the
 * examples, which have their own toolbar) a Copy button in the language of the block it
 * sits in: `<Ko>` gets "복사", `<En>` "Copy". The button is hidden without JavaScript
 * (`needs-js`) and left out of search; client/code-copy.ts makes it work.
 *
 *   <div class="code-block"><pre>…</pre><button class="code-copy needs-js" …>복사</button><span role="status"></span></div>
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { runnerStrings } from "../../i18n/runner";

type Lang = "ko" | "en";

/** The button and its status line, worded in `lang` (both languages outside a block). */
function controls(lang: Lang | null): ElementContent[] {
  const { ko, en } = runnerStrings;
  const word = (k: "copy" | "copyCode" | "copyDone" | "copyFailedSelected") => (lang ? runnerStrings[lang][k] : `${ko[k]} · ${en[k]}`);
  return [
    {
      type: "element",
      tagName: "button",
      properties: {
        type: "button",
        className: ["code-copy", "needs-js"],
        dataCopyCode: "",
        dataPagefindIgnore: "",
        ariaLabel: word("copyCode"),
        dataDone: word("copyDone"),
        dataFailed: word("copyFailedSelected"),
      },
      children: [{ type: "text", value: word("copy") }],
    },
    { type: "element", tagName: "span", properties: { className: ["code-copy-status"], role: "status", dataPagefindIgnore: "" }, children: [] },
  ];
}

function walk(children: RootContent[], lang: Lang | null): void {
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    if (node.type === "element" && node.tagName === "pre") {
      const block: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["code-block"] },
        children: [node, ...controls(lang)],
      };
      children[i] = block;
      continue;
    }
    const name = (node as { name?: unknown }).name;
    const inner = node.type === "mdxJsxFlowElement" && (name === "Ko" || name === "En") ? (name === "Ko" ? "ko" : "en") : lang;
    if ("children" in node && Array.isArray(node.children)) walk(node.children as RootContent[], inner);
  }
}

export default function rehypeCodeCopy() {
  return (tree: Root): void => walk(tree.children, null);
}
