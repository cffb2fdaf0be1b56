/**
 * Saves the reader's edits (./saved-edits.ts) per example and language: a moment
 * after they stop typing, and at once when the page is hidden or left (`pagehide`,
 * `visibilitychange`), so a quick exit loses nothing. A save the browser refuses (full
 * storage) says so and offers to copy the code (as the Copy button does: when the
 * clipboard is refused too, the code is selected for Ctrl+C); storage this page may not
 * use at all (a frame on another site, in some browsers) says that instead. An edit saved in another tab of the
 * same example (the `storage` event) is announced here, with a way to save this tab's
 * code instead: the newest save wins, and never silently.
 *
 *   new Autosave(session, notice, (language) => copier.copy(language));
 */
import type { Language } from "../../runner/protocol";
import { afterServiceBoot } from "../../typecheck/boot";
import type { Notice } from "./notice";
import { clearEdit, editKey, saveEdit } from "./saved-edits";
import { byReader, type RunSession } from "./session";
import { say } from "./words";

const DEBOUNCE_SAVE_MS = 250;

/** Notices that an edit must not cover: they say where the code came from, or that saving failed. */
const KEEP = new Set(["sharedCode", "sharedDraft", "shareBroken", "originalChanged", "saveFailed", "saveBlocked", "otherTab"]);

export class Autosave {
  private timer = 0;
  /** The language whose edit waits for the timer, or null. */
  private waiting: Language | null = null;
  private warmed = false;

  constructor(
    private readonly session: RunSession,
    private readonly notice: Notice,
    /** Copies a language's code, as the Copy button does: true once it is on the clipboard. */
    private readonly copy: (language: Language) => Promise<boolean>,
  ) {
    session.listen((change) => {
      if (change.type !== "code") return;
      if (byReader(change.source)) this.edited(change.language);
      else if (change.source === "reset") this.forget(change.language);
    });
    const now = (): void => this.saveWaiting();
    addEventListener("pagehide", now);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") now();
    });
    addEventListener("storage", (event) => this.elsewhere(event));
  }

  private edited(language: Language): void {
    const { session } = this;
    if (!this.warmed) {
      this.warmed = true;
      // The bundler's warm-up (14 MB of wasm) waits for the type service's first start,
      // which an editor began a moment ago: run together on two cores, each took twice as
      // long. A Run never waits: it loads the bundler itself, and holds the service.
      afterServiceBoot(() => session.warm());
    }
    window.clearTimeout(this.timer);
    this.waiting = language;
    this.timer = window.setTimeout(() => this.saveWaiting(), DEBOUNCE_SAVE_MS);
    const key = this.notice.key;
    if (session.edited(language) && !(key && KEEP.has(key))) this.notice.show("edited");
  }

  /** Saves the edit the timer waits for, now. */
  private saveWaiting(): void {
    window.clearTimeout(this.timer);
    const language = this.waiting;
    this.waiting = null;
    if (language) this.save(language);
  }

  /** Writes the language's edit (or clears it when the code is the original again). */
  save(language: Language): void {
    const { session } = this;
    if (!session.edited(language)) {
      clearEdit(session.storageId, language);
      return;
    }
    const code = session.code(language);
    const result = saveEdit(session.storageId, language, { hash: session.draftOf ?? session.hash, code, at: Date.now() });
    if (result === "saved") {
      const key = this.notice.key;
      if (key === "saveFailed" || key === "saveBlocked" || key === "otherTab") this.notice.show("edited");
      return;
    }
    // Full storage, or storage this page may not use (a frame on another site): each says which.
    const key = result === "full" ? "saveFailed" : "saveBlocked";
    this.notice.show(key, undefined, {
      label: say("copyCode"),
      run: () => {
        void this.copy(language).then((ok) => {
          if (ok) this.notice.show(key, (lang) => `${say(key)(lang)} ${say("codeCopied")(lang)}`);
        });
      },
    });
  }

  /** Reset: the saved edit goes, and no pending save brings it back. */
  private forget(language: Language): void {
    window.clearTimeout(this.timer);
    this.waiting = null;
    clearEdit(this.session.storageId, language);
  }

  /** Another tab saved or reset this example's edit. */
  private elsewhere(event: StorageEvent): void {
    const language = this.session.language;
    if (event.key !== editKey(this.session.storageId, language) || !this.session.edited(language)) return;
    let theirs: string | null = null;
    try {
      theirs = event.newValue === null ? null : (JSON.parse(event.newValue) as { code?: string }).code ?? null;
    } catch {
      // Not ours to read.
    }
    if (theirs === this.session.code(language)) return;
    this.notice.show("otherTab", undefined, { label: say("keepThisTab"), run: () => this.save(language) });
  }
}
