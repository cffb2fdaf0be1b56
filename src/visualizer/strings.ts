/**
 * Every string the loop visualizer shows. Korean is the canonical key set (the notes are
 * Korean); English is typed to have every key, so a missing translation fails `tsc`.
 * The terms follow the pages: 준비 큐 (ready queue), 타이머 힙 (timer heap), 바퀴 (a turn
 * of the loop), 태스크, 퓨처.
 *
 * `{name}` marks a value filled in by `fill()`.
 */
import type { Lang, Mode } from "../i18n/lang";
import { defineStrings, format as fill } from "../i18n/strings";

const ko = {
  title: "이벤트 루프 보기",
  controls: "재생 조절",
  play: "재생",
  pause: "일시 정지",
  stepCallback: "콜백 한 단계 앞으로",
  stepIteration: "한 바퀴 앞으로",
  backCallback: "콜백 한 단계 뒤로",
  backIteration: "한 바퀴 뒤로",
  toStart: "처음으로",
  speed: "속도",
  speedSlow: "초당 1단계",
  speedNormal: "초당 3단계",
  speedFast: "초당 10단계",
  speedFaster: "초당 30단계",
  timeline: "타임라인",
  stepOf: "{step} / {total} 단계",
  keys: "단축키: ‘.’ 콜백 한 단계 앞으로, ‘,’ 콜백 한 단계 뒤로, ‘]’ 한 바퀴 앞으로, ‘[’ 한 바퀴 뒤로, ‘p’ 재생/일시 정지",
  loopTime: "루프 시간",
  iteration: "바퀴",
  seconds: "{time}초",
  readyQueue: "준비 큐",
  readyHint: "맨 앞부터, 이번 바퀴에 실행할 콜백",
  timerHeap: "타이머 힙",
  timerHint: "시각이 이른 순서",
  tasks: "태스크",
  futures: "퓨처",
  empty: "비어 있음",
  none: "없음",
  running: "현재 콜백",
  turnStart: "바퀴 시작: 아직 실행한 콜백이 없습니다",
  added: "새로 들어옴",
  due: "{time}초에 실행",
  phasePending: "대기 (준비 큐에 있음)",
  phaseRunning: "실행 중",
  phaseSuspended: "멈춤",
  phaseDone: "완료",
  phaseCancelled: "취소됨",
  waitsOn: "{future} 기다림",
  waitedBy: "기다리는 태스크: {tasks}",
  callbacksWaiting: "완료 콜백: {callbacks}",
  stateResult: "결과: {detail}",
  stateError: "예외: {detail}",
  statePending: "대기 중",
  stateCancelled: "취소됨",
  futureName: "퓨처 #{id}",
  codeLine: "실행 중인 코드",
  lineNo: "{line}행",
  traceTable: "텍스트 기록 (바퀴, 시간, 이벤트)",
  colIteration: "바퀴",
  colTime: "시간(초)",
  colEvent: "이벤트",
  copy: "기록 복사",
  copied: "기록을 복사했습니다({rows}행).",
  copyFailed: "복사하지 못했습니다. 표를 직접 선택해 복사하세요.",
  tableWindow: "{from}–{to}번째 이벤트만 표에 보여 줍니다. 복사하면 전체가 복사됩니다.",
  dropped: "메모리 사용량이 늘지 않도록 최근 이벤트 {kept}개만 남깁니다. 그 전 이벤트 {dropped}개는 버렸습니다(보이는 상태는 그대로 정확합니다).",
  waitingForRun: "예제를 실행하면 루프가 하는 일이 여기에 단계별로 나옵니다.",
  noLoop: "이 프로그램은 이벤트 루프를 돌리지 않아서 루프 기록이 없습니다. 출력만 기록했습니다.",
  summary: "{step} / {total} 단계, {iteration}번째 바퀴, {time}초 — {event}",
  summaryStart: "모두 {total}단계 — 시작 전",
  newLoop: "새 이벤트 루프 (루프 {n})",
  evIteration: "{n}번째 바퀴 시작: 준비 큐 {ready}개, 타이머 힙 {timers}개",
  evScheduleSoon: "준비 큐에 추가: {cb}",
  evScheduleTimer: "타이머 힙에 추가: {cb}, {when}초에 실행",
  evRun: "실행: {cb}",
  evCancel: "취소: {cb}",
  evTaskCreate: "태스크 생성: {task} ({coro})",
  evTaskSend: "{task} 재개: send()",
  evTaskThrow: "{task} 재개: throw()",
  evTaskSuspend: "{task} 멈춤: {future} 기다림",
  evTaskYield: "{task} 양보: 단독 yield, 다음 바퀴에 다시 실행",
  evTaskDone: "{task} 완료, 결과: {detail}",
  evTaskError: "{task} 예외로 끝남: {detail}",
  evTaskCancelled: "{task} 취소됨",
  evFutureCreate: "퓨처 생성: {future}",
  evFutureDone: "{future} 완료, 결과: {detail}",
  evFutureError: "{future} 예외로 끝남: {detail}",
  evFutureCancelled: "{future} 취소됨",
  evFutureCallbackAdd: "{future}에 완료 콜백 등록: {cb}",
  evFutureCallbackRemove: "{future}에서 완료 콜백 제거: {cb}",
  evClose: "루프 닫기: 남은 콜백 {ready}개와 타이머 {timers}개 버림",
  evOutput: "출력: {text}",
} as const;

export type VisualizerKey = keyof typeof ko;
export type VisualizerStrings = { readonly [K in VisualizerKey]: string };

const en: VisualizerStrings = {
  title: "See the loop",
  controls: "Playback",
  play: "Play",
  pause: "Pause",
  stepCallback: "Step callback",
  stepIteration: "Step iteration",
  backCallback: "Back one callback",
  backIteration: "Back one iteration",
  toStart: "To start",
  speed: "Speed",
  speedSlow: "1 step/s",
  speedNormal: "3 steps/s",
  speedFast: "10 steps/s",
  speedFaster: "30 steps/s",
  timeline: "Timeline",
  stepOf: "Step {step} of {total}",
  keys: "Keys: ‘.’ step callback, ‘,’ back one callback, ‘]’ step iteration, ‘[’ back one iteration, ‘p’ play or pause",
  loopTime: "Loop time",
  iteration: "Iteration",
  seconds: "{time} s",
  readyQueue: "Ready queue",
  readyHint: "front first: the callbacks this iteration runs",
  timerHeap: "Timer heap",
  timerHint: "earliest deadline first",
  tasks: "Tasks",
  futures: "Futures",
  empty: "empty",
  none: "none",
  running: "Current callback",
  turnStart: "Iteration start: no callback has run yet",
  added: "new",
  due: "due at {time} s",
  phasePending: "pending (in the ready queue)",
  phaseRunning: "running",
  phaseSuspended: "suspended",
  phaseDone: "done",
  phaseCancelled: "cancelled",
  waitsOn: "waits on {future}",
  waitedBy: "awaited by {tasks}",
  callbacksWaiting: "done callbacks: {callbacks}",
  stateResult: "result: {detail}",
  stateError: "exception: {detail}",
  statePending: "pending",
  stateCancelled: "cancelled",
  futureName: "Future #{id}",
  codeLine: "Your code",
  lineNo: "line {line}",
  traceTable: "Text trace (iteration, time, event)",
  colIteration: "Iteration",
  colTime: "Time (s)",
  colEvent: "Event",
  copy: "Copy trace",
  copied: "Copied the trace ({rows} rows).",
  copyFailed: "Could not copy. Select the table and copy it by hand.",
  tableWindow: "The table shows events {from}–{to}; Copy copies them all.",
  dropped: "To keep memory bounded, only the latest {kept} events are kept; {dropped} earlier events were dropped (the state shown is still exact).",
  waitingForRun: "Run the example to watch the loop work, step by step.",
  noLoop: "This program runs no event loop, so the loop reported nothing. Only its output was recorded.",
  summary: "Step {step} of {total}, iteration {iteration}, {time} s — {event}",
  summaryStart: "{total} steps — before the first event",
  newLoop: "A new event loop (loop {n})",
  evIteration: "Iteration {n} begins: {ready} ready, {timers} in the timer heap",
  evScheduleSoon: "{cb} joins the ready queue",
  evScheduleTimer: "{cb} enters the timer heap, due at {when} s",
  evRun: "Runs {cb}",
  evCancel: "Cancels {cb}",
  evTaskCreate: "Creates {task} ({coro})",
  evTaskSend: "Resumes {task}: send()",
  evTaskThrow: "Resumes {task}: throw()",
  evTaskSuspend: "{task} suspends, waiting on {future}",
  evTaskYield: "{task} yields (a bare yield) and runs again next iteration",
  evTaskDone: "{task} is done, result: {detail}",
  evTaskError: "{task} ends with an exception: {detail}",
  evTaskCancelled: "{task} is cancelled",
  evFutureCreate: "Creates {future}",
  evFutureDone: "{future} is done, result: {detail}",
  evFutureError: "{future} ends with an exception: {detail}",
  evFutureCancelled: "{future} is cancelled",
  evFutureCallbackAdd: "{cb} is added as a done callback of {future}",
  evFutureCallbackRemove: "{cb} is removed from the done callbacks of {future}",
  evClose: "The loop closes, dropping {ready} queued callbacks and {timers} timers",
  evOutput: "Prints: {text}",
};

export type { Lang };
/** The reader's mode (src/i18n/lang.ts). */
export type LangMode = Mode;

/** The visualizer's own dictionary (a lazy chunk, so kept apart from the runner's). */
export const STRINGS = defineStrings<VisualizerKey>(ko, en);

/** Fill `{name}` slots; a slot with no value stays as written, so a typo shows (the runner's `format`). */
export { fill };

/** The string for `key` in `lang`, filled. */
export const text: (lang: Lang, key: VisualizerKey, vars?: Readonly<Record<string, string | number>>) => string = STRINGS.text;

/** The languages a mode shows, Korean first. */
export { langsOf } from "../i18n/lang";

/** Loop time as the table prints it: seconds with three decimals. */
export function formatTime(t: number): string {
  return t.toFixed(3);
}
