/**
 * Whether a key's target is somewhere the reader types (a form field, an editable
 * element, an example's editor): there a key is text, not a site shortcut ("/" opens
 * search) nor the page scrolling (Space, the arrows).
 *
 *   addEventListener("keydown", (e) => { if (e.key === "/" && !isTyping(e.target)) open(); });
 */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable], .cm-editor") !== null;
}
