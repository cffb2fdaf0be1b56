/**
 * Token colours for the editor, the static code's Shiki theme (GitHub's default palette,
 * with the light comments, keywords and function names darkened as tokens.css says) so
 * the code does not change colour when it becomes editable.
 * Each colour is `light-dark(light, dark)`, following the site's theme like the rest
 * of the page. CodeMirror's own default style stays only as a fallback.
 */
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import type { Extension } from "@codemirror/state";
import { tags as t } from "@lezer/highlight";

const c = (light: string, dark: string): string => `light-dark(${light}, ${dark})`;

const notesHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.modifier, t.controlKeyword, t.operatorKeyword, t.definitionKeyword, t.moduleKeyword], color: c("#b3192a", "#ff7b72") },
  { tag: [t.string, t.special(t.string), t.regexp], color: c("#0a3069", "#a5d6ff") },
  { tag: [t.number, t.bool, t.null, t.atom], color: c("#0550ae", "#79c0ff") },
  { tag: [t.lineComment, t.blockComment, t.comment], color: c("#4f5661", "#9198a1"), fontStyle: "normal" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.function(t.definition(t.variableName))], color: c("#6639ba", "#d2a8ff") },
  { tag: [t.typeName, t.className, t.namespace], color: c("#953800", "#ffa657") },
  { tag: [t.definition(t.variableName), t.propertyName], color: c("#0550ae", "#79c0ff") },
  { tag: [t.invalid], color: c("#82071e", "#ffa198") },
]);

export function highlight(): Extension {
  return syntaxHighlighting(notesHighlight);
}
