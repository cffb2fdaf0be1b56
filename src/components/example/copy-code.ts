/**
 * The example's Copy button: puts the code of the tab shown on the clipboard, the
 * reader's edit if there is one (what Run would run), and says "Copied" under the
 * button for a moment. When the browser refuses the clipboard (no permission, an
 * insecure page, an embed without `clipboard-write`), the code is selected instead, so
 * Ctrl+C copies it, and the example's notice line says so.
 *
 *   new CopyCode(session, button(root, "copy"), part(root, "copied"), notice, (lang) => boxes[lang]);
 */
import type { Language } from "../../runner/protocol";
import { copyText } from "../client/clipboard";
import type { CodeBox } from "./code-box";
import type { Notice } from "./notice";
import type { RunSession } from "./session";
import { flash, say } from "./words";

/** How long "Copied" stays. */
const SHOWN_MS = 2000;

export class CopyCode {
  /** The example: the label stays inside it. */
  private readonly frame: HTMLElement;

  constructor(
    private readonly session: RunSession,
    button: HTMLButtonElement,
    private readonly status: HTMLElement,
    private readonly notice: Notice,
    private readonly box: (language: Language) => CodeBox | null,
  ) {
    button.addEventListener("click", () => void this.copy());
    this.frame = button.closest<HTMLElement>("asyncio-example") ?? document.body;
  }

  /**
   * The label sits centred under the button; near the example's edge (a button that
   * ends a row on a phone, or starts one) it moves sideways to stay inside.
   */
  private keepInside(): void {
    const label = this.status;
    label.style.translate = "";
    const r = label.getBoundingClientRect();
    const frame = this.frame.getBoundingClientRect();
    const shift = Math.max(frame.left + 4 - r.left, 0) - Math.max(r.right - (frame.right - 4), 0);
    if (shift !== 0) label.style.translate = `${shift}px`;
  }

  /**
   * Copies `language`'s code (the tab shown, unless told): true once it is on the
   * clipboard; false when the browser refused, the code then selected for Ctrl+C and the
   * notice saying so. The storage-full notice's offer (./autosave.ts) copies through here.
   *
   *   if (await copier.copy("py")) notice.show("saveFailed", …);
   */
  async copy(language: Language = this.session.language): Promise<boolean> {
    const code = this.session.code(language);
    if (!(await copyText(code))) {
      this.box(language)?.selectAll();
      this.notice.show("copyFailedSelected");
      return false;
    }
    if (this.notice.key === "copyFailedSelected") this.notice.hide();
    flash(this.status, say("copyDone"), SHOWN_MS);
    this.keepInside();
    return true;
  }
}
