/**
 * Every string the runnable examples show: controls, notices, limits, errors, and the
 * editor's own labels (CodeMirror phrases). Built with the one helper set
 * (src/i18n/strings.ts): Korean is the canonical key set, English must have every key.
 *
 * `{name}` marks a value filled in by `format()`. A run limit's message is named by its
 * row in src/runner/limits.ts; a failure's by its key in src/runner/protocol.ts.
 */
import { defineStrings } from "./strings";

export { format } from "./strings";

const ko = {
  run: "실행",
  stop: "중지",
  reset: "되돌리기",
  share: "공유",
  clock: "시계",
  realTime: "실제 시간",
  instant: "즉시",
  tabTs: "TypeScript",
  tabPy: "Python (원본)",
  code: "코드",
  output: "출력",
  running: "실행 중…",
  finished: "끝났습니다.",
  stopped: "중지했습니다.",
  limitTime: "실행 시간이 {seconds}초 제한에 걸려 멈췄습니다.",
  limitLines: "출력이 {lines}줄 제한에 걸려 멈췄습니다.",
  bundling: "번들러를 불러오는 중입니다(편집한 코드를 처음 실행할 때만)…",
  bundlerFailed: "번들러를 불러오지 못했습니다({detail}). 연결을 확인하고 다시 실행을 누르세요.",
  prebuiltFailed: "예제 프로그램을 불러오지 못했습니다({detail}). 연결을 확인하고 다시 실행을 누르세요.",
  runtimeFailed: "실행기를 시작하지 못했습니다({detail}). 다시 실행을 눌러 보세요.",
  workerCrashed: "실행기가 갑자기 멈췄습니다({detail}).",
  syntaxError: "문법 오류",
  onlyAsyncio: "\"{name}\"은(는) 가져올 수 없습니다. 여기서는 \"asyncio\"만 가져올 수 있습니다.",
  errorAt: "{line}행 {column}열",
  edited: "편집됨 — 되돌리기를 누르기 전까지 이 브라우저에 저장됩니다.",
  originalChanged: "편집한 뒤에 원본 예제가 바뀌었습니다. 새 원본을 보려면 되돌리기를 누르세요.",
  sharedCode: "공유 링크로 받은 코드입니다. 실행을 눌러야만 실행됩니다.",
  shareBroken: "공유 링크가 손상되었거나 너무 커서 원본 예제를 보여 줍니다.",
  shareCopied: "링크를 복사했습니다. 편집한 코드가 링크에 담겨 있습니다.",
  shareInAddressBar: "주소창에 편집한 코드를 담은 링크를 넣었습니다.",
  editorHint: "Ctrl+Enter(⌘+Enter)로 실행합니다. Esc를 누른 다음 Tab을 누르면 편집기에서 나갑니다.",
  openInSection: "본문에서 보기",
  openInPlayground: "플레이그라운드에서 열기",
  playgroundTitle: "플레이그라운드",
  playgroundIntro: "루프 라이브러리(`import * as asyncio from \"asyncio\"`)로 TypeScript 코드를 써서 실행해 보세요.",
  playgroundPick: "예제에서 시작하기",
  playgroundEmpty: "빈 코드",
  playgroundOpen: "열기",
  exampleLabel: "예제",
  seeLoop: "루프 보기",
  loopLoading: "루프를 기록하는 중입니다…",
  loopFailed: "루프 보기를 불러오지 못했습니다({detail}). 연결을 확인하고 다시 눌러 보세요.",
} as const;

export type RunnerKey = keyof typeof ko;
export type RunnerStrings = { readonly [K in RunnerKey]: string };

const en: RunnerStrings = {
  run: "Run",
  stop: "Stop",
  reset: "Reset",
  share: "Share",
  clock: "Clock",
  realTime: "Real time",
  instant: "Instant",
  tabTs: "TypeScript",
  tabPy: "Python (original)",
  code: "Code",
  output: "Output",
  running: "Running…",
  finished: "Finished.",
  stopped: "Stopped.",
  limitTime: "Stopped: the run reached the limit of {seconds} seconds.",
  limitLines: "Stopped: the run printed {lines} lines, the limit.",
  bundling: "Loading the bundler (only for the first run of edited code)…",
  bundlerFailed: "Could not load the bundler ({detail}). Check the connection and press Run again.",
  prebuiltFailed: "Could not load the example's program ({detail}). Check the connection and press Run again.",
  runtimeFailed: "The runner did not start ({detail}). Press Run to try again.",
  workerCrashed: "The runner stopped unexpectedly ({detail}).",
  syntaxError: "Syntax error",
  onlyAsyncio: "Cannot import \"{name}\": only \"asyncio\" can be imported here.",
  errorAt: "line {line}, column {column}",
  edited: "Edited — your changes are saved in this browser until you press Reset.",
  originalChanged: "The original example changed after you edited it. Press Reset to see the new version.",
  sharedCode: "This code came from a shared link. It runs only when you press Run.",
  shareBroken: "The shared link is damaged or too large, so the original example is shown.",
  shareCopied: "Link copied. It carries your edited code.",
  shareInAddressBar: "The address bar now holds a link with your edited code.",
  editorHint: "Ctrl+Enter (⌘+Enter) runs. Press Esc, then Tab, to leave the editor.",
  openInSection: "Open in its section",
  openInPlayground: "Open in the playground",
  playgroundTitle: "Playground",
  playgroundIntro: "Write TypeScript on the loop library (`import * as asyncio from \"asyncio\"`) and run it.",
  playgroundPick: "Start from an example",
  playgroundEmpty: "Empty",
  playgroundOpen: "Open",
  exampleLabel: "Example",
  seeLoop: "See the loop",
  loopLoading: "Recording the loop…",
  loopFailed: "Could not load the loop view ({detail}). Check the connection and press it again.",
};

/** The runner's strings in both languages: `runnerStrings.text("ko", "run")` → "실행". */
export const runnerStrings = defineStrings<RunnerKey>(ko, en);

/**
 * CodeMirror's own labels (search panel, folding, lint) in Korean, passed to
 * `EditorState.phrases`. English needs none: the phrases are CodeMirror's English.
 */
export const editorPhrasesKo: Record<string, string> = {
  "Control character": "제어 문자",
  "Folded lines": "접힌 줄",
  "Unfolded lines": "펼친 줄",
  "to": "~",
  "folded code": "접힌 코드",
  "unfold": "펼치기",
  "Fold line": "줄 접기",
  "Unfold line": "줄 펼치기",
  "Go to line": "줄로 이동",
  "go": "이동",
  "Find": "찾기",
  "Replace": "바꾸기",
  "next": "다음",
  "previous": "이전",
  "all": "모두",
  "match case": "대소문자 구분",
  "by word": "단어 단위",
  "regexp": "정규식",
  "replace": "바꾸기",
  "replace all": "모두 바꾸기",
  "close": "닫기",
  "current match": "현재 일치 항목",
  "replaced match on line $": "$행의 일치 항목을 바꿨습니다",
  "replaced $ matches": "일치 항목 $개를 바꿨습니다",
  "on line": "행",
  "Completions": "자동 완성",
  "Diagnostics": "진단",
  "No diagnostics": "진단 없음",
  "Selection deleted": "선택 영역을 지웠습니다",
};
