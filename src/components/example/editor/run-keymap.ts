/**
 * Ctrl+Enter (Cmd+Enter on a Mac) runs the example from inside the editor.
 * Given the highest precedence so no other binding of Mod-Enter (insert blank line)
 * swallows it.
 */
import { Prec, type Extension } from "@codemirror/state";
import { keymap } from "@codemirror/view";

export function runKeymap(run: () => void): Extension {
  return Prec.highest(
    keymap.of([
      {
        key: "Mod-Enter",
        preventDefault: true,
        run: () => {
          run();
          return true;
        },
      },
    ]),
  );
}
