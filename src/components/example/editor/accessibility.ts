/**
 * The editor's accessible name, the reader's language for CodeMirror's own labels
 * (phrases), phone-friendly input attributes (no autocorrect or capitals in code), and
 * the keyboard's way out: Esc, then Tab, always leaves.
 */
import { Prec, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { editorPhrasesKo } from "../../../i18n/runner";

/**
 * Esc arms CodeMirror's "Tab moves focus" for two seconds, as it does by itself, also when
 * Esc closes the completion list or a completion still being looked up: that binding
 * takes the key, and CodeMirror's own Esc handling then never sees it, so the Tab that
 * followed indented instead.
 */
const escapeThenTab = Prec.highest(
  keymap.of([
    {
      key: "Escape",
      run: (view) => {
        view.setTabFocusMode(2000);
        return false; // the completion list still closes
      },
    },
  ]),
);

export function accessibility(label: string, lang: "ko" | "en"): Extension {
  return [
    escapeThenTab,
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
