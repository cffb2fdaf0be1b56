/**
 * Share and restore: the Share button puts the code (and its language) in a link;
 * on wake, the example shows a share link's code, or the reader's saved edit, or — in
 * the playground — the example named by `?example=`, each with a notice.
 *
 * A share link's code opens as the reader's own code when they have no edit of the
 * example to protect: their edits of it save as the example's, and once they edit, the
 * address drops the link, so a reload shows their latest edit, not the link's code (the
 * same when they edit on after sharing). When they do have an edit, the link's code opens
 * as a separate draft, saved under `shared:<id>`: the reader's own saved edit is never
 * read over, replaced or deleted by it (Reset on the draft clears the draft only), and
 * the notice offers the way back to it.
 *
 * Code too long for a link (over MAX_SHARED_BYTES) is not shared: the notice says so and
 * offers to copy the code instead.
 *
 *   const links = new ShareRestore(session, root, notice);
 *   await links.restore();
 */
import { decodeShare, encodeShare, MAX_SHARED_BYTES, sharedExampleId } from "../../runner/share";
import { copyText } from "../client/clipboard";
import type { Notice } from "./notice";
import { loadEdit } from "./saved-edits";
import { byReader, type RunSession } from "./session";
import type { Language } from "../../runner/protocol";
import { say, verbatim } from "./words";
import { shareLink } from "./share-kit";

/** A short fingerprint of a text (FNV-1a), to know a draft's link again. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export class ShareRestore {
  /** The notice each language's saved edit got on restore. */
  private readonly restored = new Map<Language, "edited" | "originalChanged">();

  constructor(
    private readonly session: RunSession,
    private readonly root: HTMLElement,
    private readonly notice: Notice,
    /** Copies a language's code, as the Copy button does: true once it is on the clipboard. */
    private readonly copy: (language: Language) => Promise<boolean>,
  ) {
    session.listen((change) => {
      if (change.type !== "code") return;
      if (change.source === "reset") this.restored.delete(change.language);
      // The reader's own code moved on from the link in the address: a reload shows their edit.
      if (byReader(change.source) && !session.storageId.startsWith("shared:")) this.forgetLink();
    });
    // A share link pasted into the address of this very page changes only the fragment.
    addEventListener("hashchange", () => {
      if (sharedExampleId(location.hash) === session.id) void this.openShared();
    });
  }

  /** Shows a share link's code or the reader's saved edits, with a notice. */
  async restore(): Promise<void> {
    const { session } = this;
    if (this.root.dataset.variant === "playground") await this.openInPlayground();
    // A share link's tab shows the link's code; the other tab still shows the reader's own edit.
    const linked = sharedExampleId(location.hash) === session.id ? await this.openShared() : null;
    const ownId = session.storageId.replace(/^shared:/, "");
    const savedAt = new Map<Language, number>();
    for (const language of ["ts", "py"] as const) {
      if (language === linked) continue;
      const saved = loadEdit(ownId, language);
      if (!saved || saved.code === session.originalCode(language)) continue;
      session.setCode(language, saved.code, "restore");
      const key = saved.hash === session.hash ? "edited" : "originalChanged";
      this.restored.set(language, key);
      savedAt.set(language, saved.at ?? 0);
      // Said on the tab that shows the edit (the other tab says it when shown), unless the
      // playground already said its ?example= names nothing or did not load: that stays.
      if (language === session.language && this.notice.key === null) this.notice.show(key);
    }
    // The reader comes back to the tab they edited last: a Python edit does not hide behind
    // an unedited TypeScript tab, which would look as if it were lost.
    const other: Language = session.language === "ts" ? "py" : "ts";
    const [shownAt, otherAt] = [savedAt.get(session.language), savedAt.get(other)];
    if (linked === null && otherAt !== undefined && (shownAt === undefined || otherAt > shownAt)) session.setLanguage(other);
  }

  /**
   * Shows the share link in the address: its code, as the reader's or as a draft (see the
   * module doc). Returns the language it opened, or null for a damaged link.
   */
  private async openShared(): Promise<Language | null> {
    const { session } = this;
    const shared = await decodeShare(location.hash);
    // On a page the link brings its example into view. An embed is the whole of its
    // frame, and scrolling it into view would scroll the course page around the frame too.
    if (this.root.dataset.variant !== "embed") this.root.scrollIntoView({ block: "start" });
    // `#example=<id>` with no code: a link to the example itself, nothing to restore or to call damaged.
    if (shared === null && !new URLSearchParams(location.hash.slice(1)).has("code")) return null;
    if (shared && shared.ok) {
      // Opened again over a draft (a link pasted into the address): the reader's own edit is still under the plain id.
      const ownId = session.storageId.replace(/^shared:/, "");
      const own = loadEdit(ownId, shared.language);
      const ownEdit = own !== null && own.code !== session.originalCode(shared.language) && own.code !== shared.code;
      const draftId = `shared:${ownId}`;
      const draftOf = `link-${fingerprint(shared.code)}`;
      // The reader's edits of this very link, kept as a draft on an earlier visit, come back.
      const draft = loadEdit(draftId, shared.language);
      session.setLanguage(shared.language);
      if (ownEdit || draft?.hash === draftOf) {
        session.storageId = draftId;
        session.draftOf = draftOf;
        session.setCode(shared.language, draft?.hash === draftOf ? draft.code : shared.code, "restore");
      } else {
        // Nothing of the reader's to protect: the link's code is theirs to edit, saved as the example's.
        session.storageId = ownId;
        session.draftOf = null;
        session.setCode(shared.language, shared.code, "restore");
      }
      if (ownEdit) {
        this.notice.show("sharedDraft", undefined, { label: say("switchToSaved"), run: () => this.backToOwn(shared.language) });
      } else {
        this.notice.show("sharedCode");
      }
      return shared.language;
    }
    this.notice.show("shareBroken");
    return null;
  }

  /** What the notice said of `language`'s saved edit when the page opened, if any. */
  noticeFor(language: Language): "edited" | "originalChanged" | undefined {
    return this.restored.get(language);
  }

  /** Leaves a shared draft for the reader's own saved edit (the draft stays saved under its own key). */
  private backToOwn(language: Language): void {
    const { session } = this;
    session.storageId = session.storageId.replace(/^shared:/, "");
    session.draftOf = null;
    const own = loadEdit(session.storageId, language);
    if (own) session.setCode(language, own.code, "restore");
    this.notice.show(own && own.hash !== session.hash ? "originalChanged" : "edited");
    this.forgetLink();
  }

  /**
   * Playground: `?example=<id>` starts from that example's code, the TypeScript twin and
   * the Python original (each tab's Reset target).
   */
  private async openInPlayground(): Promise<void> {
    // Ids are lower case: `?example=Task-States` is task-states.
    const id = new URLSearchParams(location.search).get("example")?.toLowerCase();
    if (!id) return;
    const { paths } = this.session.runtime;
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return this.unknownExample(id);
    try {
      const [ts, py] = await Promise.all([fetch(paths.source(id)), fetch(paths.pythonSource(id))]);
      if (ts.status === 404) return this.unknownExample(id);
      if (!ts.ok) throw new Error(`HTTP ${ts.status}`);
      const [code, python] = await Promise.all([ts.text(), py.ok ? py.text() : Promise.resolve("")]);
      this.session.prebuiltId = id;
      this.session.storageId = `playground:${id}`;
      this.session.setOriginal("ts", code);
      this.session.setOriginal("py", python);
    } catch {
      // Offline, or the server failed: the playground stays empty, and says why.
      this.notice.show("playgroundLoadFailed", say("playgroundLoadFailed", { id }));
    }
  }

  /**
   * `?example=` names no example (a typo, a placeholder pasted as it was): the playground
   * opens empty and says so, offering the example the name was nearest, if one is.
   */
  private async unknownExample(id: string): Promise<void> {
    const ids = [...document.querySelectorAll<HTMLOptionElement>("#playground-example option")].map((o) => o.value).filter(Boolean);
    const { suggest } = await import("../client/did-you-mean");
    const guess = suggest(id, "", ids);
    const words = say("playgroundUnknown", { id });
    if (guess === null) return this.notice.show("playgroundUnknown", words);
    const url = new URL(location.href);
    url.searchParams.set("example", guess);
    this.notice.show("playgroundUnknown", words, { label: say("playgroundOpenGuess", { id: guess }), run: () => location.assign(url.href) });
  }

  /**
   * Reset: the address no longer carries a shared link. A shared draft keeps saving
   * apart while the reader has an edit of their own (the notice leads back to it);
   * with none to protect, edits save as the example's own again.
   */
  afterReset(): void {
    const { session } = this;
    this.forgetLink();
    if (!session.storageId.startsWith("shared:")) return;
    const ownId = session.storageId.replace(/^shared:/, "");
    const own = loadEdit(ownId, session.language);
    if (own && own.code !== session.originalCode()) {
      this.notice.show("sharedDraft", undefined, { label: say("switchToSaved"), run: () => this.backToOwn(session.language) });
    } else {
      session.storageId = ownId;
      session.draftOf = null;
    }
  }

  private forgetLink(): void {
    if (sharedExampleId(location.hash) === this.session.id) {
      history.replaceState(history.state, "", location.pathname + location.search + `#example-${this.session.id}`);
    }
  }

  /**
   * Copies the share link (and puts it in the address bar); returns its fragment, or ""
   * when the code is the example's own: then the link is the example's permanent
   * address (`#example-<id>`; in the playground, its `?example=` address), not a copy of
   * code nobody changed. Null when the code is too long for a link (the notice says so).
   */
  async share(): Promise<string | null> {
    const { session, root } = this;
    const edited = session.edited();
    if (edited && new TextEncoder().encode(session.code()).length > MAX_SHARED_BYTES) {
      const language = session.language;
      this.notice.show("shareTooLarge", undefined, { label: say("copyCode"), run: () => void this.copy(language) });
      return null;
    }
    const hash = edited ? await encodeShare(session.id, session.code(), session.language) : "";
    // The kit's Link row, exactly: an embed links to the example's section, the page to
    // itself, the playground to itself with its `?example=` (so it opens with the code).
    const embedded = root.dataset.variant === "embed";
    const page = shareLink(root, session, hash);
    if (!embedded) history.replaceState(history.state, "", page.href);
    const [copied, inBar] = edited ? (["shareCopied", "shareInAddressBar"] as const) : (["shareCopiedPlain", "shareInAddressBarPlain"] as const);
    if (await copyText(page.href)) this.notice.show(copied);
    else this.notice.show(inBar, embedded ? verbatim(page.href) : undefined);
    return hash;
  }
}
