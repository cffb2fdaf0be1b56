/**
 * Text the example shows, in both languages as the site writes it (`.l-ko`, a
 * separator, `.l-en`; the site's mode CSS hides one), and the small DOM lookups every
 * part of the example shares.
 *
 *   out.append(bilingual(say("finished")));  // <span class="l-ko">끝났습니다.</span> · <span class="l-en">Finished.</span>
 */
import type { Lang } from "../../i18n/lang";
import { sayFor } from "../client/clipboard";
import { langSeparator } from "../../i18n/lang-separator";
import { runnerStrings, type RunnerKey } from "../../i18n/runner";
import type { Slots } from "../../i18n/strings";

/** A text that can be written in either language. */
export type Words = (lang: Lang) => string;

/** The runner string `key`, its slots filled, in whichever language is asked. */
export const say =
  (key: RunnerKey, values: Slots = {}): Words =>
  (lang) =>
    runnerStrings.text(lang, key, values);

/** The same text in both languages (a program's own words, a path). */
export const verbatim =
  (text: string): Words =>
  () =>
    text;

/** A text in both languages: `.l-ko`, a separator, `.l-en`. */
export function bilingual(words: Words, separator = " · "): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const span = (lang: Lang): HTMLSpanElement => {
    const el = document.createElement("span");
    el.className = `l-${lang}`;
    el.lang = lang;
    el.textContent = words(lang);
    return el;
  };
  fragment.append(span("ko"), langSeparator(separator), span("en"));
  return fragment;
}

/**
 * Shows `words` in both languages in the status element `el` for `ms`, then empties it;
 * a second call before then shows its words and waits `ms` again.
 * @example
 * flash(status, say("copyDone"), 2000);
 */
export function flash(el: HTMLElement, words: Words, ms: number): void {
  sayFor(el, bilingual(words), ms);
}

/** The reader's language, for texts that cannot be shown twice (aria-label, editor phrases). */
export function activeLang(): Lang {
  return document.documentElement.dataset.lang === "en" ? "en" : "ko";
}

/** The example's server-rendered part `[data-part=name]`; a missing one is a build bug. */
export function part<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const found = root.querySelector<T>(`[data-part="${name}"]`);
  if (!found) throw new Error(`asyncio-example: missing [data-part="${name}"]`);
  return found;
}

/**
 * The example's title in `lang`, without the "Example" kicker (a title written the same in
 * both languages is one `.l-same`); "" if the example has none.
 *
 *   exampleTitle(root, "en"); // "A task's states"
 */
export function exampleTitle(root: HTMLElement, lang: Lang): string {
  return root.querySelector(`.ex-title > .l-${lang}, .ex-title > .l-same`)?.textContent?.trim() ?? "";
}

/** The example's button `[data-act=act]`. */
export function button(root: HTMLElement, act: string): HTMLButtonElement {
  const found = root.querySelector<HTMLButtonElement>(`[data-act="${act}"]`);
  if (!found) throw new Error(`asyncio-example: no ${act} button`);
  return found;
}
