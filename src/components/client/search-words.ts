/**
 * Pagefind UI's own words (its count of results, "Clear", "Load more results", ...) in
 * the reader's mode. Pagefind picks one language from `<html lang>`; in Both mode that
 * left them Korean only, where the rest of the site says "ko · en". `[SEARCH_TERM]`,
 * `[COUNT]` and `[DIFFERENT_TERM]` are Pagefind's slots.
 *
 *   pagefindWords("both").clear_search; // "지우기 · Clear"
 *
 * Its count of results is also said to a screen reader (`sayResults`).
 */
import type { Mode } from "../../i18n/lang";

const ko = {
  clear_search: "지우기",
  load_more: "결과 더 보기",
  search_label: "이 사이트 검색",
  filters_label: "필터",
  zero_results: "[SEARCH_TERM]에 대한 결과가 없습니다",
  many_results: "[SEARCH_TERM]에 대한 결과 [COUNT]건",
  one_result: "[SEARCH_TERM]에 대한 결과 [COUNT]건",
  total_zero_results: "결과 없음",
  total_one_result: "결과 [COUNT]건",
  total_many_results: "결과 [COUNT]건",
  alt_search: "[SEARCH_TERM]에 대한 결과가 없어 [DIFFERENT_TERM]의 결과를 보여 줍니다",
  search_suggestion: "[SEARCH_TERM]에 대한 결과가 없습니다. 다음 검색어로 찾아보세요:",
  searching: "[SEARCH_TERM] 검색 중…",
  results_label: "검색 결과",
  error_search: "검색하지 못했습니다",
  input_hint: "입력하는 대로 결과가 나옵니다",
  loading: "불러오는 중",
} as const;

type Key = keyof typeof ko;

const en: { readonly [K in Key]: string } = {
  clear_search: "Clear",
  load_more: "Load more results",
  search_label: "Search this site",
  filters_label: "Filters",
  zero_results: "No results for [SEARCH_TERM]",
  many_results: "[COUNT] results for [SEARCH_TERM]",
  one_result: "[COUNT] result for [SEARCH_TERM]",
  total_zero_results: "No results",
  total_one_result: "[COUNT] result",
  total_many_results: "[COUNT] results",
  alt_search: "No results for [SEARCH_TERM]. Showing results for [DIFFERENT_TERM] instead",
  search_suggestion: "No results for [SEARCH_TERM]. Try one of the following searches:",
  searching: "Searching for [SEARCH_TERM]…",
  results_label: "Search results",
  error_search: "Search failed",
  input_hint: "Results will appear as you type",
  loading: "Loading",
};

/**
 * Both mode, for the strings with slots: Pagefind fills each slot once, so "ko · en"
 * with a slot in each half would show the English half's unfilled. The label is in
 * both languages, the values once.
 */
const both: { readonly [K in Key]?: string } = {
  zero_results: "결과 없음 · No results: [SEARCH_TERM]",
  many_results: "결과 · Results: [COUNT] ([SEARCH_TERM])",
  one_result: "결과 · Results: [COUNT] ([SEARCH_TERM])",
  total_one_result: "결과 · Results: [COUNT]",
  total_many_results: "결과 · Results: [COUNT]",
  alt_search: "결과 없음 · No results: [SEARCH_TERM] → [DIFFERENT_TERM]",
  search_suggestion: "결과 없음 · No results: [SEARCH_TERM]. 이렇게 찾아보세요 · Try:",
  searching: "검색 중 · Searching: [SEARCH_TERM]…",
};

/** Every Pagefind UI string in `mode`: one language, or both ("ko · en") in Both mode. */
export function pagefindWords(mode: Mode): Record<Key, string> {
  const out = {} as Record<Key, string>;
  for (const key of Object.keys(ko) as Key[]) {
    out[key] = mode === "ko" ? ko[key] : mode === "en" ? en[key] : (both[key] ?? `${ko[key]} · ${en[key]}`);
  }
  return out;
}

/**
 * Says the number of results ("future에 대한 결과 7건") once typing pauses: Pagefind shows
 * it in a line no screen reader is told about, so it is copied into the dialog's own
 * status (`.search-said`). Call once per dialog.
 * @example
 * sayResults(dialog); // later: <p class="search-said vh" role="status">future에 대한 결과 7건</p>
 */
export function sayResults(dialog: HTMLElement): void {
  const said = dialog.querySelector<HTMLElement>(".search-said");
  const ui = dialog.querySelector("#search-ui");
  if (!said || !ui) return;
  let timer = 0;
  new MutationObserver(() => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const text = ui.querySelector(".pagefind-ui__message")?.textContent?.trim() ?? "";
      if (text !== said.textContent) said.textContent = text;
    }, 500);
  }).observe(ui, { childList: true, subtree: true, characterData: true });
}
