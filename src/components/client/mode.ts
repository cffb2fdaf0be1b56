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
  const ko = el.dataset[`${key}Ko`] ?? "";
  const en = el.dataset[`${key}En`] ?? "";
  const mode = currentMode();
  return mode === "ko" ? ko : mode === "en" ? en : ko === en ? ko : `${ko} · ${en}`;
}

/** The first visible block or heading at or below the top of the viewport. */
function anchorOnScreen(): HTMLElement | null {
  const candidates = document.querySelectorAll<HTMLElement>("main .pair, main .heading, main asyncio-example");
  for (const el of candidates) {
    const r = el.getBoundingClientRect();
    if (r.height > 0 && r.bottom > 80) return el;
  }
  return null;
}

export function setMode(mode: Mode): void {
  const root = document.documentElement;
  const anchor = anchorOnScreen();
  const before = anchor?.getBoundingClientRect().top ?? 0;
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
  if (anchor && window.scrollY > 0) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
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

/** Marks the pressed button of every mode switch on the page. */
export function syncModeButtons(mode: Mode): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-set-lang]")) {
    b.setAttribute("aria-pressed", String(b.dataset.setLang === mode));
  }
}
