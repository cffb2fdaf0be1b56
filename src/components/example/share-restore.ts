/**
 * Share and restore: the Share button puts the code (and its language) in a link;
 * on wake, the example shows a share link's code, or the reader's saved edit, or — in
 * the playground — the example named by `?example=`, each with a notice.
 *
 *   const links = new ShareRestore(session, root, notice);
 *   await links.restore();
 */
import { decodeShare, encodeShare, sharedExampleId } from "../../runner/share";
import type { Notice } from "./notice";
import { loadEdit } from "./saved-edits";
import type { RunSession } from "./session";
import { verbatim } from "./words";

export class ShareRestore {
  constructor(
    private readonly session: RunSession,
    private readonly root: HTMLElement,
    private readonly notice: Notice,
  ) {}

  /** Shows a share link's code or the reader's saved edits, with a notice. */
  async restore(): Promise<void> {
    const { session } = this;
    if (this.root.dataset.variant === "playground") await this.openInPlayground();
    if (sharedExampleId(location.hash) === session.id) {
      const shared = await decodeShare(location.hash);
      this.root.scrollIntoView({ block: "start" });
      if (shared && shared.ok) {
        session.setLanguage(shared.language);
        session.setCode(shared.language, shared.code, "restore");
        this.notice.show("sharedCode");
      } else {
        this.notice.show("shareBroken");
      }
      return;
    }
    for (const language of ["ts", "py"] as const) {
      const saved = loadEdit(session.storageId, language);
      if (!saved || saved.code === session.originalCode(language)) continue;
      session.setCode(language, saved.code, "restore");
      this.notice.show(saved.hash === session.hash ? "edited" : "originalChanged");
    }
  }

  /** Playground: `?example=<id>` starts from that example's code (its Reset target). */
  private async openInPlayground(): Promise<void> {
    const id = new URLSearchParams(location.search).get("example");
    if (!id || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return;
    try {
      const response = await fetch(this.session.runtime.paths.source(id));
      if (!response.ok) return;
      const code = await response.text();
      this.session.prebuiltId = id;
      this.session.storageId = `playground:${id}`;
      this.session.setOriginal("ts", code);
      const picker = document.querySelector<HTMLSelectElement>("select[name=example]");
      if (picker) picker.value = id;
    } catch {
      // Offline or missing: the playground stays empty.
    }
  }

  /** Reset on a shared link's code: the address no longer carries it. */
  forgetLink(): void {
    if (sharedExampleId(location.hash) === this.session.id) {
      history.replaceState(history.state, "", location.pathname + location.search + `#example-${this.session.id}`);
    }
  }

  async share(): Promise<void> {
    const { session, root } = this;
    const hash = await encodeShare(session.id, session.code(), session.language);
    const embedded = root.dataset.variant !== "page";
    const base = root.dataset.base ?? "/";
    const page = embedded ? new URL(`${base}${root.dataset.section ?? ""}/`, location.href) : new URL(location.href);
    page.hash = hash;
    if (!embedded) history.replaceState(history.state, "", page.href);
    try {
      await navigator.clipboard.writeText(page.href);
      this.notice.show("shareCopied");
    } catch {
      if (embedded) this.notice.show("shareInAddressBar", verbatim(page.href));
      else this.notice.show("shareInAddressBar");
    }
  }
}
