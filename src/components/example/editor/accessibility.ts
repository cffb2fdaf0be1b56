/**
 * The editor's accessible name, the reader's language for CodeMirror's own labels
 * (phrases), phone-friendly input attributes (no autocorrect or capitals in code), and
 * the keyboard's ways out: Esc, then Tab, always leaves; and an editor the keyboard
 * arrives at lets Tab pass on until the reader presses another key.
 */
import { Prec, EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { editorPhrasesKo } from "../../../i18n/runner";

/** How long Tab passes on (after Esc, or in an editor reached by the keyboard) if no other key comes first. */
const ARRIVED_MS = 60 * 60 * 1000;

/**
 * Esc arms CodeMirror's "Tab moves focus" until the next other key. CodeMirror's own Esc
 * arms it for two seconds, which a reader listening to a screen reader, or pausing, easily
 * outlasts: the Tab then indented and edited the code. Armed after CodeMirror's own
 * handling of the key (a microtask), which would set its two seconds again; and also when
 * Esc closes the completion list or a completion still being looked up, whose binding
 * takes the key before CodeMirror's own Esc handling sees it.
 */
const escapeThenTab = Prec.highest(
  keymap.of([
    {
      key: "Escape",
      run: (view) => {
        queueMicrotask(() => view.setTabFocusMode(ARRIVED_MS));
        return false; // the completion list still closes
      },
    },
  ]),
);

/**
 * Tabbing through a page goes through its examples without changing them: an editor
 * focused by the keyboard (Tab, Shift+Tab, a skip) turns on CodeMirror's "Tab moves
 * focus" until any other key is pressed (CodeMirror ends the timed mode then), after
 * which Tab indents as usual. Focus by a pointer (a click, a tap) leaves Tab indenting.
 * The code box focuses a new editor at the click's point through `EditorHandle.focus(at)`,
 * which turns the mode off again for a click that came before the editor was there.
 */
function tabPassesOnArrival(): Extension {
  let pointerAt = Number.NEGATIVE_INFINITY;
  return EditorView.domEventHandlers({
    pointerdown: () => {
      pointerAt = performance.now();
      return false;
    },
    focus: (_event, view) => {
      view.setTabFocusMode(performance.now() - pointerAt < 600 ? false : ARRIVED_MS);
      return false;
    },
  });
}

export function accessibility(label: string, lang: "ko" | "en"): Extension {
  return [
    escapeThenTab,
    tabPassesOnArrival(),
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
