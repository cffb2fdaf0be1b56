/**
 * A hover's tooltip: the signature as the compiler prints it, the doc comment, the
 * `Python:` line (the name the loop library's export stands for) and the example.
 * The library's doc comments are English; the labels follow the reader's language.
 */
import type { SymbolInfo } from "./protocol";
import { bilingual } from "./strings";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function renderHover(hover: SymbolInfo): HTMLElement {
  const box = el("div", "tc-hover");
  box.append(el("pre", "tc-sig", hover.signature));
  if (hover.doc) {
    const doc = el("div", "tc-doc", hover.doc);
    doc.lang = "en";
    box.append(doc);
  }
  for (const line of hover.python) {
    const row = el("p", "tc-python");
    const label = bilingual("python");
    label.className = "tc-label";
    row.append(label, " ", el("code", "", line));
    box.append(row);
  }
  for (const example of hover.examples) {
    const label = bilingual("example", {}, "p");
    label.className = "tc-label";
    box.append(label, el("pre", "tc-example", example));
  }
  return box;
}
