/**
 * Where the editor's tooltips go: hovers with doc comments, problems under the pointer,
 * the completion list. CodeMirror puts them inside the editor by default, and the editor
 * scrolls sideways (`overflow-x: auto`) inside an example that the page lays out with
 * `content-visibility: auto`, which contains its layout and paint: a tooltip taller than
 * the room left in the code box was cut off at the box's edge, so a hover on
 * `asyncio.sleep` showed its signature and not its doc comment. In the page's body
 * nothing clips them; CodeMirror gives their container the editor's theme classes, so
 * they keep the editor's look.
 */
import { tooltips } from "@codemirror/view";
import type { Extension } from "@codemirror/state";

/** Tooltips drawn in the page's body, above everything else on the page. */
export function bodyTooltips(): Extension {
  return tooltips({ parent: document.body });
}
