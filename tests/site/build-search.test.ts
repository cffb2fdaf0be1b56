import { describe, expect, it } from "vitest";
import { forMode } from "../../scripts/build-search";

const PAGE = [
  `<html lang="ko"><body><header><span class="l-ko" lang="ko">메뉴</span></header>`,
  `<article class="content" data-pagefind-body>`,
  `<h1 data-pagefind-meta="title:코루틴 · Coroutines" data-title-ko="코루틴" data-title-en="Coroutines">`,
  `<span class="l-ko" lang="ko">코루틴</span> <span class="l-en" lang="en">Coroutines</span></h1>`,
  `<h2 id="send" class="heading"><span class="l-ko" lang="ko">값 보내기</span> <span class="l-en" lang="en">Sending values</span></h2>`,
  `<div class="bl l-ko" lang="ko" id="p--ko"><p>코루틴은 <code>send()</code>로 값을 받는다.</p></div>`,
  `<div class="bl l-en" lang="en" id="p--en"><p>A coroutine takes values through <code>send()</code>.</p></div>`,
  `<span class="l-ko" lang="ko">복사</span><span class="l-sep"> · </span><span class="l-en" lang="en">Copy</span>`,
  `<span class="l-same">asyncio</span><span class="bl-english">kept</span>`,
  `</article></body></html>`,
].join("");

/** The opening tags marked ignored in a variant, by their class. */
function ignored(html: string): string[] {
  return [...html.matchAll(/<[a-z0-9]+ [^>]*class="([^"]*)"[^>]*data-pagefind-ignore="all"[^>]*>/g)].map((m) => m[1]);
}

describe("the search index's reading modes (scripts/build-search.ts)", () => {
  it("Korean: leaves out every English block and separator, titles the page in Korean, filters as ko", () => {
    const ko = forMode(PAGE, "ko");
    expect(ko).toContain(`data-pagefind-body data-pagefind-filter="mode:ko"`);
    expect(ko).toContain(`data-pagefind-meta="title:코루틴"`);
    expect(ignored(ko)).toEqual(["l-en", "l-en", "bl l-en", "l-sep", "l-en"]);
    // Korean, shared and unrelated blocks stay indexed.
    expect(ko).toContain(`<div class="bl l-ko" lang="ko" id="p--ko">`);
    expect(ko).toContain(`<span class="l-same">asyncio</span><span class="bl-english">kept</span>`);
  });

  it("English: the mirror image", () => {
    const en = forMode(PAGE, "en");
    expect(en).toContain(`data-pagefind-body data-pagefind-filter="mode:en"`);
    expect(en).toContain(`data-pagefind-meta="title:Coroutines"`);
    expect(ignored(en)).toEqual(["l-ko", "l-ko", "l-ko", "bl l-ko", "l-ko", "l-sep"]);
    expect(en).toContain(`<div class="bl l-en" lang="en" id="p--en">`);
    // Its own index: the record is English, so Pagefind stems it as English.
    expect(en.startsWith(`<html lang="en">`)).toBe(true);
  });

  it("gives the Korean and the bilingual records the Korean index", () => {
    expect(forMode(PAGE, "ko").startsWith(`<html lang="ko">`)).toBe(true);
    expect(forMode(PAGE, "both").startsWith(`<html lang="ko">`)).toBe(true);
    expect(forMode(PAGE.replace(`lang="ko"`, `class="x" lang="en"`), "ko").startsWith(`<html class="x" lang="ko">`)).toBe(true);
  });

  it("Both: nothing left out, the bilingual title kept, a heading's two titles joined by ' · '", () => {
    const both = forMode(PAGE, "both");
    expect(both).toContain(`data-pagefind-body data-pagefind-filter="mode:both"`);
    expect(both).toContain(`data-pagefind-meta="title:코루틴 · Coroutines"`);
    expect(ignored(both)).toEqual([]);
    expect(both).toContain(`<span class="l-ko" lang="ko">값 보내기</span> · <span class="l-en" lang="en">Sending values</span></h2>`);
    // Only headings: a paragraph's two blocks are not joined.
    expect(both).toContain(`<span class="l-ko" lang="ko">복사</span><span class="l-sep"> · </span>`);
  });
});
