/**
 * Every string the site's frame shows: header, navigation, mode and theme switches,
 * search, copy-link, page chrome. Korean is the canonical key set (the notes are
 * Korean); English is typed to have every key, so a missing translation fails `tsc`.
 *
 * Components print both languages and CSS hides the one the reader's mode leaves out
 * (see `Ui.astro`); attributes that cannot be hidden (aria-label, title) use `both()`.
 * Built with the one helper set, src/i18n/strings.ts.
 */
import { defineStrings } from "./strings";

const koStrings = {
  siteTitle: "이벤트 루프를 위한 선수지식",
  siteTagline: "제너레이터에서 asyncio까지, 파이썬 이벤트 루프를 이해하기 위한 노트",
  homeIntro:
    "파이썬의 asyncio 이벤트 루프를 이해하는 데 필요한 것들을 차례로 정리한 노트입니다. 제너레이터와 코루틴에서 시작해 send, throw, close, yield from을 거쳐 이벤트 루프, 퓨처와 태스크, async/await까지 갑니다. 모든 예제는 각 장의 페이지에서 바로 고치고 실행해 볼 수 있습니다.",
  homeSections: "차례",
  homeStart: "처음부터 읽기",
  skipToContent: "본문으로 건너뛰기",
  menu: "메뉴",
  closeMenu: "메뉴 닫기",
  sections: "장 목록",
  onThisPage: "이 페이지의 내용",
  previous: "이전",
  next: "다음",
  prevNext: "이전 장과 다음 장",
  language: "언어",
  langKo: "한국어",
  langEn: "English",
  langBoth: "둘 다",
  theme: "테마",
  themeSystem: "시스템",
  themeLight: "밝게",
  themeDark: "어둡게",
  search: "검색",
  searchOpen: "검색 열기 (/ 키)",
  searchClose: "닫기",
  searchLoading: "검색을 불러오는 중…",
  searchFailed: "검색을 불러오지 못했습니다. 연결을 확인하고 다시 열어 보세요.",
  searchMissing: "빠진 검색어",
  searchPlaceholder: "검색어 입력",
  copyLink: "이 부분의 링크 복사",
  copied: "링크를 복사했습니다.",
  copyFailed: "복사하지 못했습니다. 주소창의 링크를 쓰세요.",
  textCopied: "복사했습니다.",
  textCopyFailed: "복사하지 못했습니다. 글을 직접 선택해서 복사하세요.",
  correction: "정정",
  footerCredit: "원문: 한국어 노트 ‘event_loop를 위한 선수지식’. 이 사이트는 원문의 순서와 문체를 그대로 살려 영어로 옮기고, 틀리거나 오래된 내용에는 정정을 덧붙였습니다.",
  footerExamples: "예제는 브라우저에서 타입스크립트로 다시 만든 asyncio 위에서 실행됩니다. 파이썬 원본은 CPython 3.11로 검증했습니다.",
  footerPython:
    "Python 탭의 코드는 브라우저 안에서 CPython 3.11.3(Python Software Foundation License)으로 실행됩니다. 이 CPython은 Pyodide 0.25.1(Mozilla Public License 2.0)이 WebAssembly로 빌드한 것입니다. 두 프로젝트와 기여자들께 감사드립니다.",
  notFoundTitle: "페이지를 찾을 수 없습니다",
  notFoundBody: "주소가 바뀌었거나 잘못 입력되었을 수 있습니다. 아래 차례에서 찾아보세요.",
  didYouMean: "혹시 이 페이지를 찾으셨나요?",
  fragmentMissing: "주소가 가리키는 위치를 이 페이지에서 찾을 수 없습니다:",
  fragmentGuess: "혹시 이 위치를 찾으셨나요?",
  courseAuthors: "강의를 만드는 분께",
  embedNoScript:
    "JavaScript가 꺼져 있어 원래 예제를 그대로 보여 줍니다. 링크로 공유된 코드와 주소에 지정한 언어·테마·탭은 JavaScript를 켜야 적용됩니다.",
  embedSandboxed:
    "이 예제를 임베드한 페이지가 iframe의 스크립트를 막고 있어(sandbox 속성에 allow-same-origin이 없습니다) 원래 예제와 그 출력만 보여 줍니다. 실행해 보려면 아래 링크로 예제가 있는 장을 여세요.",
  home: "홈",
} as const;

type Keys = keyof typeof koStrings;

const enStrings: { readonly [K in Keys]: string } = {
  siteTitle: "Prerequisites for the Event Loop",
  siteTagline: "Notes on understanding Python's event loop, from generators to asyncio",
  homeIntro:
    "Notes that build up, step by step, what you need to understand Python's asyncio event loop: from generators and coroutines, through send, throw, close and yield from, to the event loop, futures and tasks, and async/await. Every example can be edited and run right on the page.",
  homeSections: "Contents",
  homeStart: "Start reading",
  skipToContent: "Skip to content",
  menu: "Menu",
  closeMenu: "Close menu",
  sections: "Pages",
  onThisPage: "On this page",
  previous: "Previous",
  next: "Next",
  prevNext: "Previous and next chapters",
  language: "Language",
  langKo: "한국어",
  langEn: "English",
  langBoth: "Both",
  theme: "Theme",
  themeSystem: "System",
  themeLight: "Light",
  themeDark: "Dark",
  search: "Search",
  searchOpen: "Open search (/ key)",
  searchClose: "Close",
  searchLoading: "Loading search…",
  searchFailed: "Search could not be loaded. Check the connection and open it again.",
  searchMissing: "Missing",
  searchPlaceholder: "Search",
  copyLink: "Copy link to this section",
  copied: "Link copied.",
  copyFailed: "Could not copy: use the link in the address bar.",
  textCopied: "Copied.",
  textCopyFailed: "Could not copy: select the text and copy it.",
  correction: "Correction",
  footerCredit:
    "Source: the Korean notes “event_loop를 위한 선수지식” (Prerequisites for the event loop). This site keeps their order and voice, translates them, and adds corrections where they are wrong or outdated.",
  footerExamples:
    "Examples run in your browser on asyncio rebuilt in TypeScript; the Python originals are checked against CPython 3.11.",
  footerPython:
    "The Python tab runs in your browser on CPython 3.11.3 (Python Software Foundation License), compiled to WebAssembly by Pyodide 0.25.1 (Mozilla Public License 2.0). Thanks to both projects and their contributors.",
  notFoundTitle: "Page not found",
  notFoundBody: "The address may have changed or been mistyped. Find your way from the contents below.",
  didYouMean: "Were you looking for this page?",
  fragmentMissing: "Nothing on this page is named",
  fragmentGuess: "Were you looking for this?",
  courseAuthors: "For course authors",
  embedNoScript:
    "JavaScript is off, so this is the example as published. Shared code, and any language, theme or tab set in the address, need JavaScript.",
  embedSandboxed:
    "The page that embeds this example blocks its scripts (the iframe's sandbox attribute lacks allow-same-origin), so this is the example as published, with its output. To run it, open it in its chapter with the link below.",
  home: "Home",
};

export type SiteKey = Keys;

/** The site's strings: `siteStrings.text("en", "menu")` → "Menu". */
export const siteStrings = defineStrings<SiteKey>(koStrings, enStrings);
export const { ko, en } = siteStrings;

/** One string in both languages, Korean first: for attributes CSS cannot switch. */
export const both = siteStrings.both;

/**
 * An `aria-label` (and, with `tip`, a `title`) that follows the reading mode: both
 * languages as built, each language's own kept beside it for client/mode.ts `syncLabels`
 * to put in its place (a screen reader in English mode hears "Menu", not "메뉴 · Menu").
 * @example
 * <button {...modeLabel("menu")}>  // aria-label="메뉴 · Menu" data-label-ko="메뉴" data-label-en="Menu"
 */
export function modeLabel(key: SiteKey, tip = false): Record<string, string> {
  const attrs: Record<string, string> = { "aria-label": both(key), "data-label-ko": ko[key], "data-label-en": en[key] };
  if (tip) attrs.title = both(key);
  return attrs;
}
