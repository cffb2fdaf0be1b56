/**
 * Keeps the cursor clear of what sticks over the code: the site's header at the top of a
 * reading page, and the example's toolbar at the foot of an embed's frame
 * (example.css). When the cursor moves out of sight, CodeMirror scrolls it back within
 * these margins, so a line typed at the frame's foot is never under Run.
 *
 *   extensions: [stickyMargins()]
 */
import type { Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";

/** How far `el` covers the viewport from `edge`, when it sticks there (0 when it does not). */
function covers(el: Element | null | undefined, edge: "top" | "bottom"): number {
  if (!el) return 0;
  const position = getComputedStyle(el).position;
  if (position !== "sticky" && position !== "fixed") return 0;
  const box = el.getBoundingClientRect();
  // The header slides out of sight on a phone (translateY(-100%)): then it covers nothing.
  return Math.max(0, edge === "top" ? box.bottom : innerHeight - box.top);
}

export function stickyMargins(): Extension {
  return EditorView.scrollMargins.of((view) => ({
    top: covers(document.querySelector(".site-header"), "top"),
    bottom: covers(view.dom.closest("asyncio-example")?.querySelector(".ex-bar"), "bottom"),
  }));
}
