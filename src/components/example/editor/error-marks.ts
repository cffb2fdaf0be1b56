/**
 * Marks an error at its place in the reader's code: the line gets a tint and, below it,
 * the message (a syntax error from esbuild-wasm, or a runtime error mapped back through
 * the source map). Any edit clears the marks, since their positions no longer hold.
 */
import { StateEffect, StateField, type EditorState, type Extension } from "@codemirror/state";
import { Decoration, EditorView, WidgetType, type DecorationSet } from "@codemirror/view";
import { bilingual, type Words } from "../words";

export interface ErrorMark {
  /** 1-based line and column. */
  line: number;
  column: number;
  /** The message in each language: both are in the page, and the reading mode's CSS shows its own. */
  message: Words;
}

export const setErrorMarks = StateEffect.define<ErrorMark[]>();

class MessageWidget extends WidgetType {
  constructor(readonly message: Words) {
    super();
  }
  override eq(other: MessageWidget): boolean {
    return other.message("ko") === this.message("ko") && other.message("en") === this.message("en");
  }
  toDOM(): HTMLElement {
    const box = document.createElement("span");
    box.className = "ex-errmsg";
    box.setAttribute("role", "note");
    // CPython's own words (a warning's line) are the same in both languages: said once.
    const [ko, en] = [this.message("ko"), this.message("en")];
    if (ko === en) box.textContent = ko;
    else box.append(bilingual(this.message));
    return box;
  }
}

function build(state: EditorState, marks: readonly ErrorMark[]): DecorationSet {
  const ranges = [];
  for (const mark of marks) {
    const line = state.doc.line(Math.min(Math.max(1, mark.line), state.doc.lines));
    ranges.push(Decoration.line({ class: "ex-errline" }).range(line.from));
    ranges.push(Decoration.widget({ widget: new MessageWidget(mark.message), block: true, side: 1 }).range(line.to));
  }
  return Decoration.set(ranges, true);
}

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) if (effect.is(setErrorMarks)) return build(tr.state, effect.value);
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function errorMarks(): Extension {
  return errorField;
}
