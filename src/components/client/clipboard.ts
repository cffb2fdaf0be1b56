/**
 * What the site's Copy controls share (the heading links' CopyLink, CopyText on the
 * course authors' page, the Copy buttons of the notes' code blocks): the clipboard
 * write, the fallback of selecting the text, and a status line that says what happened
 * for a moment. (An example's own Copy button words its status in both languages:
 * example/copy-code.ts.)
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

/** Shows `words` in `status` for `ms`, then empties it; a newer message restarts the clock. */
export function sayFor(status: HTMLElement, words: string, ms: number): void {
  status.textContent = words;
  window.clearTimeout(timers.get(status));
  timers.set(status, window.setTimeout(() => (status.textContent = ""), ms));
}
