/**
 * What the site's Copy controls share (the heading links' CopyLink, CopyText on the
 * course authors' page, the Copy buttons of the notes' code blocks, and an example's
 * Copy, Share and kit buttons): the clipboard write, the fallback of selecting the text,
 * and a status line that says what happened for a moment (a word, or an example's
 * words in both languages).
 *
 *   if (await copyText(pre.textContent ?? "")) sayFor(status, "Copied", 2000);
 *   else selectContents(pre);
 */

/** Puts `text` on the clipboard; false when the browser refuses (no permission, an iframe without clipboard-write). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Selects everything inside `node`, so Ctrl+C copies it. */
export function selectContents(node: Node): void {
  const range = document.createRange();
  range.selectNodeContents(node);
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(range);
}

const timers = new WeakMap<HTMLElement, number>();

/** Shows `words` (text, or nodes such as both languages' spans) in `status` for `ms`, then empties it; a newer message restarts the clock. */
export function sayFor(status: HTMLElement, words: string | Node, ms: number): void {
  status.replaceChildren(words);
  window.clearTimeout(timers.get(status));
  timers.set(status, window.setTimeout(() => status.replaceChildren(), ms));
}
