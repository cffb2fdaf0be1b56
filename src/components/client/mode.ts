/**
 * The language mode (ko | en | both) for scripts: read it, change it (ModeSwitch.astro's
 * buttons call setMode), and write a message in it. The inline script in
 * BeforePaint.astro applied the saved mode before paint; setMode remembers a new choice
 * and keeps the reader's place: the block at the top of the screen stays there.
 */
import type { Mode } from "../../i18n/lang";

const MODES: readonly Mode[] = ["ko", "en", "both"];
const LANG_KEY = "notes:lang";

export function isMode(value: unknown): value is Mode {
  return MODES.includes(value as Mode);
}

export function currentMode(): Mode {
  const m = document.documentElement.dataset.lang;
  return MODES.includes(m as Mode) ? (m as Mode) : "both";
}

/**
 * A message the build left on `el` as `data-<key>-ko` / `data-<key>-en`, in the reader's
 * mode: one language, or both ("ko · en", once when the two are the same) in Both mode. For text set from script
 * (live regions, placeholders), which CSS cannot switch.
 */
export function inMode(el: HTMLElement, key: string): string {
  return inLanguage(currentMode(), el.dataset[`${key}Ko`] ?? "", el.dataset[`${key}En`] ?? "");
}

/**
 * One text in `mode`: the Korean, the English, or both joined as `inBoth` in
 * src/i18n/strings.ts joins them. Written out here, not imported: importing strings.ts
 * puts a chunk it shares with the examples' code on every page's load (+1 request).
 * @example
 * inLanguage("both", "코드", "Code"); // "코드 · Code"
 */
export function inLanguage(mode: Mode, ko: string, en: string): string {
  return mode === "ko" ? ko : mode === "en" ? en : ko === en ? ko : `${ko} · ${en}`;
}

/**
 * What the reader is reading, to keep in place across a switch to `mode`, and where it
 * is now: the block or heading at the reading line, a quarter of the way down the
 * window below the header (or the first one after it). In a pair, that is the language
 * half there; when the switch hides that half (Both to English, with the Korean half at
 * the line), it is the pair's half in the new language, put where the hidden one was.
 * (Keeping the whole pair's top in place moved the English half of a long pair up by
 * the Korean half's height: 1,143 px on a phone for the intro's mapping table.)
 */
function anchorOnScreen(mode: Mode): { el: HTMLElement; top: number } | null {
  const line = 80 + (window.innerHeight - 80) / 4;
  const candidates = document.querySelectorAll<HTMLElement>("main .pair > .bl, main .pair:not(:has(> .bl)), main .heading, main asyncio-example");
  for (const el of candidates) {
    const r = el.getBoundingClientRect();
    if (r.height === 0 || r.bottom <= line) continue;
    const pair = el.parentElement?.classList.contains("pair") ? el.parentElement : null;
    if (pair && mode !== "both" && el.lang !== mode) {
      const twin = pair.querySelector<HTMLElement>(`:scope > .bl[lang="${mode}"]`);
      // The twin lands where the hidden half's text was, or where the pair began if that is lower.
      if (twin) return { el: twin, top: Math.max(r.top, pair.getBoundingClientRect().top) };
    }
    return { el, top: r.top };
  }
  return null;
}

export function setMode(mode: Mode): void {
  const root = document.documentElement;
  const anchor = anchorOnScreen(mode);
  const before = anchor?.top ?? 0;
  root.dataset.lang = mode;
  root.lang = mode === "en" ? "en" : "ko";
  try {
    localStorage.setItem(LANG_KEY, mode);
  } catch {
    // Storage may be off (private mode): the choice lasts for this page only.
  }
  // A ?lang= in the address would override the new choice on reload: drop it.
  const url = new URL(location.href);
  if (url.searchParams.has("lang")) {
    url.searchParams.delete("lang");
    history.replaceState(history.state, "", url);
  }
  syncModeButtons(mode);
  syncTitle(mode);
  syncLabels(mode);
  if (anchor && window.scrollY > 0) window.scrollBy(0, anchor.el.getBoundingClientRect().top - before);
}

/**
 * The tab's title in the mode: one language's title (HeadMeta.astro leaves both on
 * <title> as `data-ko` / `data-en`), or the bilingual one the page was built with.
 * @example
 * syncTitle("en"); // "Coroutines | Prerequisites for the Event Loop"
 */
export function syncTitle(mode: Mode): void {
  const title = document.querySelector<HTMLTitleElement>("head > title");
  if (!title) return;
  title.dataset.both ??= title.text;
  const text = title.dataset[mode];
  if (text) document.title = text;
}

/**
 * The labels built with both languages (`modeLabel` in src/i18n/site.ts: `data-label-ko`,
 * `data-label-en`) in the mode: `aria-label`, and `title` where there is one.
 * @example
 * syncLabels("en"); // <button aria-label="Menu" …>
 */
export function syncLabels(mode: Mode): void {
  for (const el of document.querySelectorAll<HTMLElement>("[data-label-ko][data-label-en][aria-label]")) {
    const text = inLanguage(mode, el.dataset.labelKo ?? "", el.dataset.labelEn ?? "");
    el.setAttribute("aria-label", text);
    if (el.hasAttribute("title")) el.title = text;
  }
}

/** Marks the pressed button of every mode switch on the page. */
export function syncModeButtons(mode: Mode): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-set-lang]")) {
    b.setAttribute("aria-pressed", String(b.dataset.setLang === mode));
  }
}
