/**
 * The site's two languages and the reader's three modes, defined once.
 *
 * A page prints every text in both languages (`.l-ko` / `.l-en`); the mode, kept on
 * `<html data-lang>`, decides which of them CSS shows:
 *
 *   const shown: Lang[] = langsOf("both"); // ["ko", "en"]
 */

/** A language a text is written in: Korean (the notes' own) or English. */
export type Lang = "ko" | "en";

/** What the reader chose to see: one language, or both side by side. */
export type Mode = Lang | "both";

/** Both languages, Korean first (the order the site prints them in). */
export const LANGS: readonly Lang[] = ["ko", "en"];

/** Narrows any value to a Mode: `isMode("both")` → true, `isMode("fr")` → false. */
export function isMode(value: unknown): value is Mode {
  return value === "ko" || value === "en" || value === "both";
}

/** The languages a mode shows, Korean first: `langsOf("en")` → `["en"]`. */
export function langsOf(mode: Mode): Lang[] {
  return mode === "both" ? ["ko", "en"] : [mode];
}
