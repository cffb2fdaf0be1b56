/**
 * The one helper set every dictionary is built with (site chrome, runner, visualizer).
 * Korean is the canonical key set (the notes are Korean); English must have every key,
 * so a missing translation fails `tsc`. `{name}` marks a slot `format()` fills.
 *
 *   const words = defineStrings({ hi: "안녕, {name}" } as const, { hi: "Hi, {name}" });
 *   words.text("en", "hi", { name: "Ana" }); // "Hi, Ana"
 *   words.both("hi");                        // "안녕, {name} · Hi, {name}"
 *
 * Separate dictionaries stay separate where a lazy chunk needs only its own (the
 * visualizer's strings load with the visualizer).
 */
import type { Lang } from "./lang";

/** The values for a template's `{name}` slots. */
export type Slots = Readonly<Record<string, string | number>>;

/** Fills `{name}` slots: `format("{line}행", { line: 3 })` → "3행". A slot with no value stays as written. */
export function format(template: string, values: Slots = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * Korean and English as one string: joined by " · ", once when they are the same. The
 * one rule for text both languages share (attributes, titles, the client's Both mode).
 * @example
 * inBoth("메뉴", "Menu"); // "메뉴 · Menu"
 */
export function inBoth(ko: string, en: string): string {
  return ko === en ? ko : `${ko} · ${en}`;
}

/** A dictionary in both languages with typed keys. */
export interface Strings<K extends string> {
  readonly ko: { readonly [P in K]: string };
  readonly en: { readonly [P in K]: string };
  /** The string for `key` in `lang`, its slots filled. */
  text(lang: Lang, key: K, values?: Slots): string;
  /** Korean and English joined by " · " (once when they are equal): for attributes CSS cannot switch. */
  both(key: K): string;
}

/** Builds a dictionary from its Korean and English halves; the keys are Korean's. */
export function defineStrings<K extends string>(
  ko: { readonly [P in K]: string },
  en: { readonly [P in K]: string },
): Strings<K> {
  return {
    ko,
    en,
    text: (lang, key, values) => format((lang === "ko" ? ko : en)[key], values),
    both: (key) => inBoth(ko[key], en[key]),
  };
}
