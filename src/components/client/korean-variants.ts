/**
 * Spellings the site does not use, as the search should read them: each the intro's
 * glossary lists in its last column ("쓰지 않는 표기") against the one term the pages use.
 * Searched as written, 제네레이터 or 이벤트루프 found only that glossary row; read as the
 * term, they find what 제너레이터 and 이벤트 루프 find. tests/site/korean-variants.test.ts
 * checks this table against the glossary, so the two cannot drift apart.
 *
 *   standardSpelling("제네레이터를 이벤트루프"); // "제너레이터를 이벤트 루프"
 */

/** Each unused spelling and the term used instead, as in the glossary (its "준비 …" forms left out: 준비 alone is a plain word). */
export const VARIANTS: readonly (readonly [string, string])[] = [
  ["제네레이터", "제너레이터"],
  ["코루친", "코루틴"],
  ["네이티브코루틴", "네이티브 코루틴"],
  ["이벤트루프", "이벤트 루프"],
  ["퓨쳐", "퓨처"],
  ["테스크", "태스크"],
  ["콜벡", "콜백"],
  ["완료콜백", "완료 콜백"],
  ["레디 큐", "준비 큐"],
  ["타이머힙", "타이머 힙"],
  ["어웨이터블객체", "어웨이터블"],
  ["비동기 컨텍스트 관리자", "비동기 컨텍스트 매니저"],
  ["비동기 반복자", "비동기 이터레이터"],
  ["비동기 제네레이터", "비동기 제너레이터"],
  ["태스크그룹", "태스크 그룹"],
  ["예외그룹", "예외 그룹"],
  ["구조화된 동시성", "구조적 동시성"],
  ["메소드", "메서드"],
  ["바디", "본문"],
];

/** `term` with every unused spelling replaced by the site's term; a particle after it is kept. */
export function standardSpelling(term: string): string {
  let out = term;
  for (const [variant, standard] of VARIANTS) out = out.split(variant).join(standard);
  return out;
}
