/**
 * The example's notice line (`[data-part=notice]`, a status region): "Edited…",
 * "This code came from a shared link…", "Link copied…". One notice at a time, with at
 * most one action button; its key stays on `data-key`, so the parts can ask which one
 * is showing.
 *
 *   notice.show("saveFailed", undefined, { label: say("copyCode"), run: copy });
 *   notice.key; // "saveFailed"
 */
import type { RunnerKey } from "../../i18n/runner";
import { bilingual, say, type Words } from "./words";

export interface NoticeAction {
  label: Words;
  run(): void;
}

export class Notice {
  constructor(private readonly el: HTMLElement) {}

  /** The key of the notice showing, or null. */
  get key(): RunnerKey | null {
    return (this.el.dataset.key as RunnerKey | undefined) ?? null;
  }

  /** Shows the notice `key`; `words` overrides its text; `action` adds a button. */
  show(key: RunnerKey, words: Words = say(key), action?: NoticeAction): void {
    this.el.replaceChildren(bilingual(words));
    if (action) {
      const act = document.createElement("button");
      act.type = "button";
      act.className = "ex-btn ex-notice-act";
      act.dataset.notice = "action";
      act.append(bilingual(action.label, " / "));
      act.addEventListener("click", () => action.run());
      this.el.append(" ", act);
    }
    this.el.dataset.key = key;
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
    this.el.replaceChildren();
    delete this.el.dataset.key;
  }
}
