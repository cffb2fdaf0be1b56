/**
 * Keeps the cursor clear of what sticks over the code: the site's header at the top of a
 * reading page, and the example's toolbar at the foot of an embed's frame
 * (example.css). When the cursor moves out of sight, CodeMirror scrolls it back within
 * these margins, so a line typed at the frame's foot is never under Run.
 *
 * CodeMirror reads a margin two ways: scrolling keeps it between the cursor and the
 * window's edge, and tooltips keep it inside the editor's own box. So a margin is what
 * the sticky part covers of the editor where the editor meets it, counted from the
 * window's edge when the editor runs past that edge: right for both readings then, and
 * at most the editor's distance from the edge too small otherwise.
 *
 *   extensions: [stickyMargins()]
 */
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

/** Where a sticky element's box is, or null when it does not stick. */
function stuckBox(el: Element | null | undefined): DOMRect | null {
  if (!el) return null;
  const position = getComputedStyle(el).position;
  return position === "sticky" || position === "fixed" ? el.getBoundingClientRect() : null;
}

export function stickyMargins(): Extension {
  return EditorView.scrollMargins.of((view) => {
    const editor = view.scrollDOM.getBoundingClientRect();
    // The header slides out of sight on a phone (translateY(-100%)): then it covers nothing.
    const header = stuckBox(document.querySelector(".site-header"));
    const bar = stuckBox(view.dom.closest("asyncio-example")?.querySelector(".ex-bar"));
    return {
      top: header ? Math.max(0, header.bottom - Math.max(editor.top, 0)) : 0,
      bottom: bar ? Math.max(0, Math.min(editor.bottom, innerHeight) - bar.top) : 0,
    };
  });
}
