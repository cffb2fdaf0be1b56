/**
 * The editor's accessible name, the reader's language for CodeMirror's own labels
 * (phrases), and phone-friendly input attributes (no autocorrect or capitals in code).
 */
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { editorPhrasesKo } from "../../../i18n/runner";

export function accessibility(label: string, lang: "ko" | "en"): Extension {
  return [
    lang === "ko" ? EditorState.phrases.of(editorPhrasesKo) : [],
    EditorView.contentAttributes.of({
      "aria-label": label,
      autocapitalize: "off",
      autocorrect: "off",
      spellcheck: "false",
      translate: "no",
    }),
  ];
}
