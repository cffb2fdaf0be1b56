/**
 * The Copy buttons of the notes' code blocks (rehype-code-copy.ts writes them): a click
 * puts the block's code on the clipboard and says so beside the button for a moment.
 * Where the browser refuses the clipboard, the code is selected instead and the line says
 * to press Ctrl+C. One listener for the page, so a page without code costs nothing more.
 *
 *   initCodeCopy(); // then a click on "복사" copies the code above it
 */
import { copyText, sayFor, selectContents } from "./clipboard";

const SHOWN_MS = 2000;

async function copy(button: HTMLButtonElement): Promise<void> {
  const block = button.closest(".code-block");
  const pre = block?.querySelector("pre");
  const status = block?.querySelector<HTMLElement>(".code-copy-status");
  if (!pre || !status) return;
  if (await copyText(pre.textContent ?? "")) {
    sayFor(status, button.dataset.done ?? "", SHOWN_MS);
    return;
  }
  selectContents(pre);
  // A failure stays longer: it asks the reader to do something.
  sayFor(status, button.dataset.failed ?? "", SHOWN_MS * 3);
}

/** Listens once, on the document, for clicks on any code block's Copy button: `initCodeCopy()`. */
export function initCodeCopy(): void {
  document.addEventListener("click", (event) => {
    const button = (event.target as Element).closest?.<HTMLButtonElement>("button[data-copy-code]");
    if (button) void copy(button);
  });
}
