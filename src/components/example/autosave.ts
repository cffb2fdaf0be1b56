/**
 * Saves the reader's edits (./saved-edits.ts) per example and language: a moment
 * after they stop typing, and at once when the page is hidden or left (`pagehide`,
 * `visibilitychange`), so a quick exit loses nothing. A save the browser refuses (full
 * storage) says so and offers to copy the code (as the Copy button does: when the
 * clipboard is refused too, the code is selected for Ctrl+C); storage this page may not
 * use at all (a frame on another site, in some browsers) says that instead.
 *
 * Another tab of the same example (the `storage` event): its saved edit is shown here
 * while the reader has not typed in that language in this tab (this tab follows it);
 * once they have, this tab stops saving that language and says so, offering to save its
 * code instead, until the other tab resets (then this tab's edit is saved again at once).
 * A Reset here while stopped leaves the other tab's saved edit alone. No tab ever writes
 * over another's edit without the reader choosing it.
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
  /** The languages whose edits wait for the timer (both, when the reader switched tabs while typing). */
  private readonly waiting = new Set<Language>();
  /** Languages another tab saved an edit of since this tab's own: not saved here until the reader says so. */
  private readonly behind = new Set<Language>();
  /** Languages the reader typed in, in this tab, since the last Reset: only those are this tab's own. */
  private readonly typedHere = new Set<Language>();
  private warmed = false;

  constructor(
    private readonly session: RunSession,
    private readonly notice: Notice,
    /** Copies a language's code, as the Copy button does: true once it is on the clipboard. */
    private readonly copy: (language: Language) => Promise<boolean>,
  ) {
    session.listen((change) => {
      // A run saves the edit it runs first: should the program take the page down with it
      // (./run-mark.ts), the reload shows this code, not the one from before the last keystrokes.
      if (change.type === "start") this.saveNow();
      if (change.type !== "code") return;
      if (byReader(change.source)) {
        this.typedHere.add(change.language);
        this.edited(change.language);
      } else if (change.source === "reset") this.forget(change.language);
    });
    const now = (): void => this.saveNow();
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
    this.waiting.add(language);
    this.timer = window.setTimeout(() => this.saveNow(), DEBOUNCE_SAVE_MS);
    const key = this.notice.key;
    // A shared link's code the reader edits as their own (not a draft) is now their edit: "Edited" says so.
    const keep = key !== null && KEEP.has(key) && !(key === "sharedCode" && !session.storageId.startsWith("shared:"));
    if (session.edited(language) && !keep) this.notice.show("edited");
  }

  /** Saves the edits the timer waits for, now (a run starts, the page is hidden). */
  saveNow(): void {
    window.clearTimeout(this.timer);
    const languages = [...this.waiting];
    this.waiting.clear();
    for (const language of languages) this.save(language);
  }

  /**
   * Writes the language's edit (or clears it when the code is the original again); not
   * while another tab's newer edit of it is saved, unless `overrule` (the reader chose).
   */
  save(language: Language, overrule = false): void {
    const { session } = this;
    if (overrule) this.behind.delete(language);
    if (this.behind.has(language)) return;
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

  /**
   * Reset: the saved edit goes, and no pending save brings it back; unless the saved edit
   * is another tab's newer one (this tab had stopped saving), which stays.
   */
  private forget(language: Language): void {
    this.waiting.delete(language);
    if (this.waiting.size === 0) window.clearTimeout(this.timer);
    this.typedHere.delete(language);
    if (this.behind.delete(language)) return;
    clearEdit(this.session.storageId, language);
  }

  /** Another tab saved or reset this example's edit, in either language. */
  private elsewhere(event: StorageEvent): void {
    const { session } = this;
    const language = (["ts", "py"] as const).find((l) => event.key === editKey(session.storageId, l));
    if (!language) return;
    let theirs: string | null = null;
    try {
      theirs = event.newValue === null ? null : (JSON.parse(event.newValue) as { code?: string }).code ?? null;
    } catch {
      // Not ours to read.
    }
    if (theirs === null) {
      // Reset there: this tab's own edit, if it has one, is saved again now.
      this.behind.delete(language);
      if (this.typedHere.has(language)) this.save(language);
      return;
    }
    if (theirs === session.code(language)) return;
    if (!this.typedHere.has(language)) {
      // Nothing typed here to lose: this tab follows the other's edit, so typing here goes on from it.
      session.setCode(language, theirs, "restore");
      if (language === session.language) this.notice.show("otherTabShown");
      return;
    }
    this.behind.add(language);
    // Said on the tab it is about: its button saves that tab's code over the other tab's.
    if (language === session.language) this.offerOverwrite(language);
  }

  /**
   * Back on a code tab whose edit another tab saved over (the controller calls this once
   * the tab's notices are settled): the choice is offered there again.
   */
  remindBehind(language: Language): void {
    if (this.behind.has(language)) this.offerOverwrite(language);
  }

  /** "Edited in another tab", with the choice to save this tab's code of `language` over it. */
  private offerOverwrite(language: Language): void {
    this.notice.show("otherTab", undefined, { label: say("keepThisTab"), run: () => this.save(language, true) });
  }
}
