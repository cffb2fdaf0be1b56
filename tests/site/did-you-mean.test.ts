import { describe, expect, it } from "vitest";
import { byTitle, distance, guessFragment, suggest } from "../../src/components/client/did-you-mean";

const SLUGS = [
  "intro",
  "generator",
  "coroutine",
  "asyncio",
  "async-await",
  "async-internal",
  "async-with-for",
  "coroutines-and-generators",
  "modern-asyncio",
  "playground",
  "for-course-authors",
];

describe("the 404 page's guess", () => {
  it("counts a swap of neighbours as one edit", () => {
    expect(distance("asyncoi", "asyncio")).toBe(1);
    expect(distance("", "abc")).toBe(3);
    expect(distance("generator", "generator")).toBe(0);
    expect(distance("kitten", "sitting")).toBe(3);
  });

  it("finds the section a mistyped address meant", () => {
    expect(suggest("/asyncoi/", "/", SLUGS)).toBe("asyncio");
    expect(suggest("/generater/", "/", SLUGS)).toBe("generator");
    expect(suggest("/Coroutine/", "/", SLUGS)).toBe("coroutine");
    expect(suggest("/async_await/", "/", SLUGS)).toBe("async-await");
    expect(suggest("/playgrond/", "/", SLUGS)).toBe("playground");
  });

  it("reads old-style and nested addresses, under the base path", () => {
    expect(suggest("/notes/generator.html", "/notes/", SLUGS)).toBe("generator");
    expect(suggest("/notes/ko/asyncio/index.html", "/notes/", SLUGS)).toBe("asyncio");
    expect(suggest("/notes/%EC%BD%94/coroutine/", "/notes/", SLUGS)).toBe("coroutine");
    expect(suggest("/notes/bad%E0%A4%A/intro", "/notes/", SLUGS)).toBe("intro");
  });

  it("completes an address cut short only when one page starts with it", () => {
    expect(suggest("/async-with/", "/", SLUGS)).toBe("async-with-for");
    expect(suggest("/for-course/", "/", SLUGS)).toBe("for-course-authors");
    // Three pages start with "async-": no guess, though "asyncio" is two edits away.
    expect(suggest("/async-/", "/", SLUGS)).toBeNull();
    // Two start with "coroutine", which is a page itself; "asynci" lacks one letter.
    expect(suggest("/asynci/", "/", SLUGS)).toBe("asyncio");
  });

  it("finds the example an embed's mistyped id meant, and nothing else for an embed", () => {
    const withEmbeds = [...SLUGS, "embed/five-kinds", "embed/doubling-generator", "embed/async-add"];
    expect(suggest("/embed/five-kind/", "/", withEmbeds)).toBe("embed/five-kinds");
    expect(suggest("/notes/embed/doubling_generator/", "/notes/", withEmbeds)).toBe("embed/doubling-generator");
    expect(suggest("/embed/no-such-example/", "/", withEmbeds)).toBeNull();
    expect(suggest("/embed/", "/", withEmbeds)).toBeNull();
    // An embed is never guessed for a section's address, nor a section for an embed's.
    expect(suggest("/async-ad/", "/", withEmbeds)).toBeNull();
    expect(suggest("/embed/asyncoi/", "/", withEmbeds)).toBeNull();
  });

  it("guesses nothing when nothing is close, or two pages are as close", () => {
    expect(suggest("/", "/", SLUGS)).toBeNull();
    expect(suggest("/404.html", "/", SLUGS)).toBeNull();
    expect(suggest("/completely-unrelated/", "/", SLUGS)).toBeNull();
    expect(suggest("/xyz/", "/", SLUGS)).toBeNull();
    expect(suggest("/ab/", "/", ["ab1", "ab2"])).toBeNull();
  });
});

describe("the 404 page's guess from a chapter's title", () => {
  const chapters = [
    { id: "coroutine", text: "코루틴 Coroutines", titles: ["코루틴", "Coroutines"] },
    { id: "generator", text: "제너레이터 Generators", titles: ["제너레이터", "Generators"] },
    { id: "coroutines-and-generators", text: "코루틴과 제너레이터, async/await 키워드 Coroutines and generators, the async/await keywords", titles: ["코루틴과 제너레이터, async/await 키워드", "Coroutines and generators, the async/await keywords"] },
  ];
  it("finds the chapter whose title in a language is the address, or the one title that holds it", () => {
    expect(byTitle("/코루틴/", "/", chapters)).toBe("coroutine");
    expect(byTitle(`/${encodeURIComponent("제너레이터")}/`, "/", chapters)).toBe("generator");
    expect(byTitle("/notes/Coroutines/", "/notes/", chapters)).toBe("coroutine");
    expect(byTitle("/키워드/", "/", chapters)).toBe("coroutines-and-generators");
  });
  it("guesses nothing when several titles hold the word, or none", () => {
    expect(byTitle("/제너/", "/", chapters)).toBeNull();
    expect(byTitle("/퓨처/", "/", chapters)).toBeNull();
    expect(byTitle("/", "/", chapters)).toBeNull();
  });
});

describe("the guess for a fragment that names nothing on the page", () => {
  const IDS = ["event-loop", "future", "future-and-task", "call-soon", "p1", "p2", "example-call-soon-vs-call-later"];

  it("finds the anchor a mistyped fragment meant", () => {
    expect(guessFragment("futur", IDS)).toBe("future");
    // An anchor with words added to its end: the longest anchor it begins with.
    expect(guessFragment("future-and-task-states", IDS)).toBe("future-and-task");
    expect(guessFragment("call-soon-and-call-later-compared", IDS)).toBe("call-soon");
    // A heading titled exactly so wins over others that hold the same words.
    const titled = [
      { id: "event-loop", text: "이벤트 루프 The event loop", titles: ["이벤트 루프", "The event loop"] },
      { id: "run-forever", text: "이벤트 루프 돌리기 Running the event loop", titles: ["이벤트 루프 돌리기", "Running the event loop"] },
    ];
    expect(guessFragment("이벤트-루프", [], titled)).toBe("event-loop");
    expect(guessFragment("the-event-loop", [], titled)).toBe("event-loop");
    expect(guessFragment("루프", [], titled)).toBeNull();
    expect(guessFragment("Future", IDS)).toBe("future");
    expect(guessFragment("event_loop", IDS)).toBe("event-loop");
    expect(guessFragment("call-son", IDS)).toBe("call-soon");
    expect(guessFragment("example-call-soon", IDS)).toBe("example-call-soon-vs-call-later");
  });

  it("leaves out what was pasted around the name: a period, a call's parentheses", () => {
    expect(guessFragment("future.", IDS)).toBe("future");
    expect(guessFragment("call-soon()", IDS)).toBe("call-soon");
    expect(guessFragment("(event-loop),", IDS)).toBe("event-loop");
  });

  it("guesses nothing for what is not near one anchor", () => {
    expect(guessFragment("p3", IDS)).toBeNull();
    expect(guessFragment("queues", IDS)).toBeNull();
  });

  it("drops a language suffix that only paragraph pairs have", () => {
    expect(guessFragment("future--ko", IDS)).toBe("future");
    expect(guessFragment("future--en", IDS)).toBe("future");
    expect(guessFragment("p3--en", IDS)).toBeNull();
  });

  it("finds the one heading whose words hold the name, in either language", () => {
    const headings = [
      { id: "glossary", text: "용어집 · Glossary" },
      { id: "future", text: "퓨처 · Future" },
      { id: "future-and-task", text: "퓨처와 태스크 · Futures and tasks" },
    ];
    expect(guessFragment("용어", IDS, headings)).toBe("glossary");
    expect(guessFragment("%EC%9A%A9%EC%96%B4집", IDS, headings)).toBeNull(); // still encoded: the page decodes first
    expect(guessFragment("태스크", IDS, headings)).toBe("future-and-task");
    expect(guessFragment("퓨처", IDS, headings)).toBeNull(); // two headings hold it
    expect(guessFragment("용", IDS, headings)).toBeNull(); // one letter says too little
  });
});
