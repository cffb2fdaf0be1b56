/**
 * The links out of an example take what the reader sees along: the tab shown
 * (`&tab=py`) and, once the code is edited, the edit itself, in a share link's fragment.
 * "Open in the playground" carries it as a playground share link; an embed's "View on
 * its page" as a share link of the example (its page opens it as it opens any share
 * link, on the example). The link stays a plain link: its address is kept up to date as
 * the code changes, so a middle click, a new tab or "Copy link address" carry the same.
 *
 *   new CarryLink(session, part(root, "playground"), "playground");
 *   new CarryLink(session, sectionLink, session.id);
 */
import { encodeShare, MAX_SHARED_BYTES } from "../../runner/share";
import type { RunSession } from "./session";

/** A pause after the last keystroke before the address is written again. */
const SETTLE_MS = 250;

export class CarryLink {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Only the newest address counts (encoding is asynchronous). */
  private ticket = 0;
  private readonly plain: URL;

  constructor(
    private readonly session: RunSession,
    private readonly link: HTMLAnchorElement,
    /** Whose share link an edit travels in: "playground", or the example's id. */
    private readonly shareId: string,
  ) {
    this.plain = new URL(link.href);
    session.listen((change) => {
      if (change.type === "code" || change.type === "language") this.later();
    });
  }

  private later(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), SETTLE_MS);
  }

  private async update(): Promise<void> {
    const { session } = this;
    const ticket = ++this.ticket;
    const url = new URL(this.plain);
    if (session.language === "py") url.searchParams.set("tab", "py");
    const code = session.code();
    // An edit too large for a share link opens as the original, as the plain link did.
    if (session.edited() && new TextEncoder().encode(code).length <= MAX_SHARED_BYTES) {
      url.hash = await encodeShare(this.shareId, code, session.language);
    }
    if (ticket === this.ticket) this.link.href = url.href;
  }
}
