/**
 * The separator between a text's Korean and English halves in Both mode (`.l-sep`; the
 * one-language modes hide it): its mark is hidden from screen readers and its spaces are
 * not, so an accessible name built from the two halves reads "복사 Copy", not "복사Copy".
 * Bi.astro writes the same markup in pages.
 * @example
 * box.append(koSpan, langSeparator(" · "), enSpan);
 * // <span class="l-sep"> <span aria-hidden="true">·</span> </span>
 */
export function langSeparator(separator = " · "): HTMLSpanElement {
  const sep = document.createElement("span");
  sep.className = "l-sep";
  const [, before = "", mark = "", after = ""] = /^(\s*)(.*?)(\s*)$/s.exec(separator) ?? [];
  const hidden = document.createElement("span");
  hidden.setAttribute("aria-hidden", "true");
  hidden.textContent = mark;
  sep.append(before, ...(mark ? [hidden] : []), after);
  return sep;
}
