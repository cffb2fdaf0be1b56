/**
 * A rehype plugin that gives every code block of a page (the notes' own code, not the
 * examples, which have their own toolbar) a Copy button in the language of the block it
 * sits in: `<Ko>` gets "복사", `<En>` "Copy". The button is hidden without JavaScript
 * (`needs-js`) and left out of search; client/code-copy.ts makes it work.
 *
 *   <div class="code-block"><pre>…</pre><button class="code-copy needs-js" …>복사</button><span role="status"></span></div>
 */
import type { Element, ElementContent, Root } from "hast";
import { SKIP, visitParents } from "unist-util-visit-parents";
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

/** The language of the nearest `<Ko>` or `<En>` around a node, if any. */
function langOf(ancestors: readonly unknown[]): Lang | null {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const a = ancestors[i] as { type: string; name?: string };
    if (a.type === "mdxJsxFlowElement" && (a.name === "Ko" || a.name === "En")) return a.name === "Ko" ? "ko" : "en";
  }
  return null;
}

export default function rehypeCodeCopy() {
  return (tree: Root): void => {
    visitParents(tree, { type: "element", tagName: "pre" }, (pre, ancestors) => {
      const parent = ancestors.at(-1) as { children: unknown[] };
      const block: Element = {
        type: "element",
        tagName: "div",
        properties: { className: ["code-block"] },
        children: [pre as Element, ...controls(langOf(ancestors))],
      };
      parent.children[parent.children.indexOf(pre)] = block;
      return SKIP;
    });
  };
}
