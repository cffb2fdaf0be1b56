/**
 * The <copy-link> element of CopyLink.astro: a click on its link keeps the browser's own
 * behaviour (the address bar shows the anchor) and also copies that address, minus
 * `?lang=` so the link opens in the receiver's own mode, then says so in a live region.
 */
import { copyText, sayFor } from "./clipboard";
import { inMode } from "./mode";

class CopyLink extends HTMLElement {
  connectedCallback() {
    this.addEventListener("click", (event) => {
      const a = (event.target as Element).closest("a");
      if (!a) return;
      const url = new URL(a.href);
      url.searchParams.delete("lang");
      void this.#copy(url.href);
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
