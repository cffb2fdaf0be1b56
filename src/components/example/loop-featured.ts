/**
 * The examples where watching the loop teaches most. Their "See the loop" control is
 * drawn large, with a one-line hint of what to watch for (both languages); every other
 * example has the same control, small, in its toolbar. Keyed by example id (an id that
 * is not published fails tests/runner/loop-featured.test.ts).
 *
 * Read at build time by ./ExampleShell.astro only: none of this reaches the browser as JS.
 */
export interface LoopHint {
  ko: string;
  en: string;
}

export const LOOP_FEATURED: Readonly<Record<string, LoopHint>> = {
  // The long callback-and-coroutine example on the asyncio page.
  "callbacks-and-coroutines": {
    ko: "‘콜백 한 단계 앞으로’를 누를 때마다 콜백과 코루틴이 준비 큐와 타이머 힙을 오가며 번갈아 실행되는 모습을 볼 수 있습니다.",
    en: "Press “Step callback” to watch the callbacks and the coroutines take turns through the ready queue and the timer heap.",
  },
  // A task's send() stepping the coroutine into the awaitable and out again.
  "custom-awaitable": {
    ko: "태스크가 `send()`로 코루틴을 진행하다가 퓨처에서 멈추고, 타이머가 그 퓨처를 완료하면 다시 깨어나는 과정을 따라가 보세요.",
    en: "Follow the task as `send()` steps the coroutine, stops at the future, and wakes when a timer completes that future.",
  },
  // A Task suspended on a Future, and every state a task passes through.
  "task-states": {
    ko: "태스크가 대기, 실행 중, 퓨처에서 멈춤, 완료, 취소로 바뀌는 순간을 한 단계씩 확인해 보세요.",
    en: "Step through the moments the task goes from pending to running, suspended on a future, done and cancelled.",
  },
  // gather() of three sleeps: three timers in the heap at once.
  "sleep-gather-concurrency": {
    ko: "`sleep` 세 개가 타이머 힙에 함께 들어가 있다가 시각 순서대로 깨어나는 모습을 보세요.",
    en: "Watch the three sleeps wait in the timer heap together and wake in deadline order.",
  },
};

/** The hint for `id`, if its loop view is featured. */
export function loopHint(id: string): LoopHint | null {
  return Object.hasOwn(LOOP_FEATURED, id) ? LOOP_FEATURED[id] : null;
}
