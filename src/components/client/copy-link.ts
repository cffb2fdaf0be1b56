/**
 * The <copy-link> element of CopyLink.astro: a click on its link keeps the browser's own
 * behaviour (the address bar shows the anchor) and also copies that address, minus
 * `?lang=` so the link opens in the receiver's own mode, then says so in a live region.
 */
import { inMode } from "./mode";

class CopyLink extends HTMLElement {
  #timer = 0;

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
    let ok = true;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      ok = false;
    }
    status.textContent = inMode(this, ok ? "copied" : "failed");
    this.toggleAttribute("data-shown", true);
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => {
      status.textContent = "";
      this.removeAttribute("data-shown");
    }, 2000);
  }
}

export function initCopyLinks(): void {
  if (!customElements.get("copy-link")) customElements.define("copy-link", CopyLink);
}
