/**
 * Every string the type service shows, in Korean and English: the site's words around
 * the compiler's messages (the mapping hints, the count near Run, the service's
 * notices), and the compiler's messages themselves in TypeScript's own translation
 * (./korean.ts).
 */
import type { Lang } from "../i18n/lang";
import { langSeparator } from "../i18n/lang-separator";
import { defineStrings, format } from "../i18n/strings";
import type { HintKey } from "./protocol";

const ko = {
  yieldStar: "파이썬의 `await x`는 여기서 `yield* x`입니다. `yield`만 쓰면 퓨처나 코루틴을 기다리지 않고 태스크에 그대로 넘깁니다.",
  awaitInCoroutine: "코루틴(`function*`) 안에서 파이썬의 `await x`는 `await`가 아니라 `yield* x`로 씁니다.",
  asyncDef: "파이썬의 `async def`는 여기서 `async function`이 아니라 `function*`입니다.",
  ignoredCoroutine: "코루틴을 호출만 하고 기다리지 않았습니다. 파이썬의 `await f()`처럼 `yield* f()`로 쓰세요. 이대로면 이 코루틴은 실행되지 않습니다.",
  awaitCoroutine: "`await`는 Promise만 기다립니다. 코루틴을 `await`하면 코루틴은 실행되지 않고, 태스크나 퓨처를 `await`하면 끝나기를 기다리지 않습니다. 파이썬 최상위의 `asyncio.run(main())`은 여기서 `await asyncio.run(main())`이고, 코루틴 안의 `await f()`는 `yield* f()`입니다.",
  unawaitedRun: "루프를 돌리는 호출은 여기서 Promise를 돌려줍니다. `await` 없이 부르면 루프가 끝나기 전에 다음 줄이 실행됩니다. `await asyncio.run(main())`처럼 쓰세요.",
  count: "타입 검사 문제 {n}개",
  countOne: "타입 검사 문제 1개",
  countTitle: "타입 검사 결과를 목록으로 엽니다(Ctrl+Shift+M). F8을 누르면 다음 문제로 이동합니다.",
  checking: "타입 검사기를 불러오는 중…",
  restarted: "타입 검사기가 멈춰서 다시 시작했습니다.",
  tooLarge: "코드가 너무 커서 타입 검사를 멈췄습니다. 실행은 그대로 할 수 있습니다.",
  python: "파이썬",
  example: "예시",
} as const;

export type TypeKey = keyof typeof ko;

const en: { readonly [K in TypeKey]: string } = {
  yieldStar: "Python's `await x` is `yield* x` here. A bare `yield` hands the future or coroutine to the task instead of waiting for it.",
  awaitInCoroutine: "Inside a coroutine (`function*`), Python's `await x` is written `yield* x`, not `await`.",
  asyncDef: "Python's `async def` is `function*` here, not `async function`.",
  ignoredCoroutine: "This coroutine is called but never awaited: write `yield* f()`, like Python's `await f()`. As it stands, it never runs.",
  awaitCoroutine: "`await` waits only for Promises: a coroutine awaited with it never runs, and a task or future is not waited for. Python's top-level `asyncio.run(main())` is `await asyncio.run(main())` here, and `await f()` inside a coroutine is `yield* f()`.",
  unawaitedRun: "Calls that run the loop return a Promise here: without `await`, the next lines run before the loop is done. Write `await asyncio.run(main())`.",
  count: "{n} type problems",
  countOne: "1 type problem",
  countTitle: "Opens the list of type problems (Ctrl+Shift+M). F8 moves to the next one.",
  checking: "Loading the type checker…",
  restarted: "The type checker got stuck and was restarted.",
  tooLarge: "The code is too large to type-check; checking is paused. Run still works.",
  python: "Python",
  example: "Example",
};

export const typeStrings = defineStrings<TypeKey>(ko, en);

export const hintKey = (hint: HintKey): TypeKey => hint;

/** The reader's language for texts shown once (tooltips' accessible text). */
export function readerLang(): Lang {
  return document.documentElement.dataset.lang === "en" ? "en" : "ko";
}

/** `key` in both languages as the site writes them: `.l-ko`, a separator, `.l-en`. */
export function bilingual(key: TypeKey, values: Record<string, string | number> = {}, tag = "span"): HTMLElement {
  const box = document.createElement(tag);
  for (const lang of ["ko", "en"] as const) {
    if (lang === "en") box.append(langSeparator());
    const part = document.createElement("span");
    part.className = `l-${lang}`;
    part.lang = lang;
    withCode(part, format(typeStrings[lang][key], values));
    box.append(part);
  }
  return box;
}

/**
 * A compiler message in both languages (./korean.ts), as plain text: `.l-ko`, then
 * `.l-en` on a line of its own (Both mode shows the two; the others, one).
 *
 *   compilerMessage({ ko: "'x' 이름을 찾을 수 없습니다.", en: "Cannot find name 'x'." });
 */
export function compilerMessage(texts: Record<Lang, string>): HTMLElement {
  const box = document.createElement("div");
  if (texts.ko === texts.en) {
    // No Korean for it: said once, in every mode.
    box.lang = "en";
    box.textContent = texts.en;
    return box;
  }
  for (const lang of ["ko", "en"] as const) {
    if (lang === "en") box.append(langSeparator("\n"));
    const part = document.createElement("span");
    part.className = `l-${lang}`;
    part.lang = lang;
    part.textContent = texts[lang];
    box.append(part);
  }
  return box;
}

/**
 * Puts `text` in `el`, its `backquoted` words as `<code>` (the hints name code).
 *
 *   withCode(el, "write `yield* x`"); // write <code>yield* x</code>
 */
export function withCode(el: HTMLElement, text: string): void {
  text.split("`").forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) el.append(piece);
      return;
    }
    const code = document.createElement("code");
    code.textContent = piece;
    el.append(code);
  });
}

/** `text` without its backquotes, for where only plain text goes (an accessible name, a title). */
export function plainText(text: string): string {
  return text.replaceAll("`", "");
}
