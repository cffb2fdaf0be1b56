/**
 * The example's notice line (`[data-part=notice]`, a status region): "Edited…",
 * "This code came from a shared link…", "Link copied…". One notice at a time; its key
 * stays on `data-key`, so the parts can ask which one is showing.
 *
 *   notice.show("edited");
 *   notice.key; // "edited"
 */
import type { RunnerKey } from "../../i18n/runner";
import { bilingual, say, type Words } from "./words";

export class Notice {
  constructor(private readonly el: HTMLElement) {}

  /** The key of the notice showing, or null. */
  get key(): RunnerKey | null {
    return (this.el.dataset.key as RunnerKey | undefined) ?? null;
  }

  /** Shows the notice `key`; `words` overrides its text. */
  show(key: RunnerKey, words: Words = say(key)): void {
    this.el.replaceChildren(bilingual(words));
    this.el.dataset.key = key;
    this.el.hidden = false;
  }

  hide(): void {
    this.el.hidden = true;
    this.el.replaceChildren();
    delete this.el.dataset.key;
  }
}
