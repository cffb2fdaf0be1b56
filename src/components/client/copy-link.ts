/**
 * The <copy-link> element of CopyLink.astro: a click on its link keeps the browser's own
 * behaviour (the address bar shows the anchor) and also copies that address, then says
 * so in a live region. The address copied is the section's own: its path (without
 * `index.html`), the anchor, and `?tab=py` when the reader is on the Python tab, as an
 * example's Share keeps it; nothing else of the address it was pressed at (an LMS's
 * `utm_…`), and no `?lang=`, so the link opens in the receiver's own mode.
 *
 *   sectionAddress("https://x/asyncio/index.html?utm_source=lms&lang=ko&tab=py#future");
 *   // "https://x/asyncio/?tab=py#future"
 */
import { copyText, sayFor } from "./clipboard";
import { inMode } from "./mode";

/** The address a heading's copy link copies (see above). */
export function sectionAddress(href: string): string {
  const url = new URL(href);
  const tab = url.searchParams.get("tab")?.toLowerCase();
  url.search = tab === "py" ? "?tab=py" : "";
  url.pathname = url.pathname.replace(/\/index\.html$/, "/");
  return url.href;
}

class CopyLink extends HTMLElement {
  connectedCallback() {
    this.addEventListener("click", (event) => {
      const a = (event.target as Element).closest("a");
      if (!a) return;
      void this.#copy(sectionAddress(a.href));
    });
  }

  async #copy(text: string) {
    const status = this.querySelector<HTMLElement>(".copy-link-status");
    if (!status) return;
    // While the status shows, the link stays visible too (content.css).
    sayFor(status, inMode(this, (await copyText(text)) ? "copied" : "failed"), 2000);
  }
}

export function initCopyLinks(): void {
  if (!customElements.get("copy-link")) customElements.define("copy-link", CopyLink);
}
