/**
 * Saves the reader's edits (./saved-edits.ts) a moment after they stop typing, per
 * example and language, and keeps the "Edited" notice up to date. An edit back to the
 * original clears the saved one.
 *
 *   new Autosave(session, notice);
 */
import type { Language } from "../../runner/protocol";
import type { Notice } from "./notice";
import { clearEdit, saveEdit } from "./saved-edits";
import type { RunSession } from "./session";

const DEBOUNCE_SAVE_MS = 250;

/** Notices that an edit must not cover: they say where the code came from. */
const KEEP = new Set(["sharedCode", "shareBroken", "originalChanged"]);

export class Autosave {
  private timer = 0;
  private warmed = false;

  constructor(
    private readonly session: RunSession,
    private readonly notice: Notice,
  ) {
    session.listen((change) => {
      if (change.type !== "code") return;
      if (change.source === "editor") this.edited(change.language);
      else if (change.source === "reset") this.forget(change.language);
    });
  }

  private edited(language: Language): void {
    const { session } = this;
    if (!this.warmed) {
      this.warmed = true;
      session.warm();
    }
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.save(language), DEBOUNCE_SAVE_MS);
    const key = this.notice.key;
    if (key === "sharedCode" || key === "shareBroken") return;
    if (session.edited(language) && !(key && KEEP.has(key))) this.notice.show("edited");
  }

  /** Writes the language's edit now (or clears it when the code is the original again). */
  save(language: Language): void {
    const { session } = this;
    if (!session.edited(language)) clearEdit(session.storageId, language);
    else saveEdit(session.storageId, language, { hash: session.hash, code: session.code(language) });
  }

  /** Reset: the saved edit goes, and no pending save brings it back. */
  private forget(language: Language): void {
    window.clearTimeout(this.timer);
    clearEdit(this.session.storageId, language);
  }
}
