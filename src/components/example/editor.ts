/**
 * The example's editor: CodeMirror 6 with TypeScript (or Python), built from small extensions
 * (./editor/*). Imported only when the reader focuses or edits the code, never on load.
 *
 * Tab indents (indentWithTab); the editor never traps the keyboard: reached by Tab, it lets
 * Tab pass on until another key is pressed, and Esc, then Tab, always moves focus on
 * (./editor/accessibility.ts). Ctrl/Cmd+Enter runs.
 */
import { indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, indentOnInput, indentUnit } from "@codemirror/language";
import { Annotation, Compartment, EditorState, type Extension } from "@codemirror/state";
import { highlightActiveLine, keymap, placeholder } from "@codemirror/view";
import { EditorView, minimalSetup } from "codemirror";
import type { Lang } from "../../i18n/lang";
import type { Language, SourcePosition } from "../../runner/protocol";
import { accessibility } from "./editor/accessibility";
import { errorMarks, setErrorMarks, type ErrorMark } from "./editor/error-marks";
import { highlight } from "./editor/highlight";
import { runKeymap } from "./editor/run-keymap";
import { stickyMargins } from "./editor/sticky-margins";
import { bodyTooltips } from "./editor/tooltips";
import { typeServiceWhenIdle } from "../../typecheck/hook";

export interface EditorOptions {
  /** The element the editor goes into (the code box); the static code in it is hidden. */
  parent: HTMLElement;
  doc: string;
  /** The editor's accessible name, in the reading mode. */
  label: string;
  lang: Lang;
  /** The code's language: TypeScript gets its grammar here; Python's comes in `grammar`. */
  language: Language;
  /** A grammar loaded with the editor for a language other than TypeScript (`@codemirror/lang-python`). */
  grammar?: Extension;
  /** The reader changed the code (typing, paste, the editor's own undo); not called for `setCode`. */
  onChange(doc: string): void;
  onRun(): void;
  /** Shown while the code is empty: the content, and its words for a screen reader (`aria-placeholder`). */
  placeholder?: { content: () => HTMLElement; label: string };
}

export interface EditorHandle {
  getCode(): string;
  setCode(code: string): void;
  showErrors(marks: ErrorMark[]): void;
  /** The reader switched the reading mode: the accessible name and the editor's own phrases follow. */
  setLang(lang: Lang, label: string): void;
  /** Focuses the editor, placing the cursor at a screen point when given. */
  focus(at?: { x: number; y: number }): void;
  /** Focuses the editor with the cursor at a line and column (from 1), scrolled into view. */
  goto(at: SourcePosition): void;
  readonly view: EditorView;
}

/** Marks a change made by `setCode` (Reset, an edit brought back), which the session already knows of. */
const fromSession = Annotation.define<true>();

export function mountEditor(options: EditorOptions): EditorHandle {
  const words = new Compartment();
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        minimalSetup,
        indentUnit.of(options.language === "py" ? "    " : "  "),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        keymap.of([indentWithTab]),
        options.language === "ts" ? javascript({ typescript: true }) : (options.grammar ?? []),
        highlight(),
        runKeymap(options.onRun),
        stickyMargins(),
        errorMarks(),
        bodyTooltips(),
        words.of(accessibility(options.label, options.lang)),
        options.language === "ts" ? typeServiceWhenIdle(options.parent) : [],
        options.placeholder
          ? [placeholder(options.placeholder.content), EditorView.contentAttributes.of({ "aria-placeholder": options.placeholder.label })]
          : [],
        EditorView.updateListener.of((update) => {
          // Only the reader's own changes go back to the session: an echo of its `setCode`
          // would say "typed" of code that Reset put there.
          if (update.docChanged && !update.transactions.some((t) => t.annotation(fromSession)))
            options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code }, annotations: fromSession.of(true) });
    },
    showErrors(marks) {
      view.dispatch({ effects: setErrorMarks.of(marks) });
    },
    setLang(lang, label) {
      view.dispatch({ effects: words.reconfigure(accessibility(label, lang)) });
    },
    goto(at) {
      const doc = view.state.doc;
      const line = doc.line(Math.min(Math.max(at.line, 1), doc.lines));
      view.dispatch({ selection: { anchor: Math.min(line.from + Math.max(at.column - 1, 0), line.to) }, scrollIntoView: true });
      view.focus();
    },
    focus(at) {
      view.focus();
      if (!at) return;
      // A click before the editor existed: the pointer, not the keyboard, brought focus.
      view.setTabFocusMode(false);
      const pos = view.posAtCoords(at);
      if (pos !== null) view.dispatch({ selection: { anchor: pos } });
    },
  };
}
