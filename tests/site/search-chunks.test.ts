import { describe, expect, it } from "vitest";
import { indexForm, keepResult, matchedWords, missingWords, preloadWords, realMatch, searchWords, somePages, wordParts } from "../../src/components/client/search-chunks";

// The chunk list of a Korean index as Pagefind 1.6 split it (words in index form).
const KO = [
  { from: "0", to: "coroutinev" },
  { from: "coroutine\u1100", to: "new" },
  { from: "new_", to: "timesleep1" },
  { from: "timesleep1\u110b", to: indexForm("발생시키") + "\u1106" },
  { from: indexForm("발생시키") + "\u110c", to: indexForm("한") },
  { from: indexForm("한") + "\u1100", to: indexForm("「코루틴과") },
];

describe("the words a search preloads", () => {
  it("are the start of every later chunk whose words begin with the searched word", () => {
    expect(preloadWords("coroutine", KO).slice(-1)).toEqual(["coroutine\u1100"]);
    expect(preloadWords("new", KO).slice(-1)).toEqual(["new_"]);
    expect(preloadWords(indexForm("발생시키"), KO).slice(-1)).toEqual([indexForm("발생시키") + "\u110c"]);
    // A word inside one chunk, with no later chunk beginning with it: its shorter starts only.
    expect(preloadWords("gather", KO)).toEqual(["g", "ga", "gat", "gath", "gathe"]);
  });

  it("include every shorter start of the word, so falling back to one sees the same chunks each time", () => {
    expect(preloadWords("new", [])).toEqual(["n", "ne"]);
    expect(preloadWords("a", KO)).toEqual([]);
  });
});

describe("the words of a term, as Pagefind searches them", () => {
  it("drop punctuation but not underscores, lower case, decompose Korean", () => {
    expect(searchWords("  Yield, from()  call_soon ")).toEqual(["yield", "from", "call_soon"]);
    expect(searchWords("«한»")).toEqual(["\u1112\u1161\u11ab"]);
    expect(searchWords("Café")).toEqual(["cafe"]);
    expect(searchWords("...")).toEqual([]);
  });
});

describe("which matches count", () => {
  it("a marked word that begins with the searched word, or shares its stem", () => {
    expect(realMatch("취소하고", indexForm("취소"))).toBe(true);
    expect(realMatch("Scheduled", "scheduling")).toBe(true);
    expect(realMatch("(coroutine", "coroutines")).toBe(true);
    expect(realMatch("new_event_loop", "new")).toBe(true);
  });

  it("not a lone letter or two for a longer word", () => {
    expect(realMatch("c", "cursor")).toBe(false);
    expect(realMatch("C", "corutine")).toBe(false);
    expect(realMatch("co", "corutine")).toBe(false);
    expect(realMatch("t", "trip")).toBe(false);
    expect(realMatch("취", indexForm("취소"))).toBe(false);
  });

  it("keeps a result where every word has a real match, or nothing matched in its text", () => {
    expect(keepResult(["C", "c"], ["cursor"])).toBe(false);
    expect(keepResult(["취소하고"], [indexForm("취소")])).toBe(true);
    // One word matched only a lone syllable: the page lacks that word.
    expect(keepResult(["yield", "from", "바"], ["yield", "from", indexForm("바나나")])).toBe(false);
    expect(keepResult(["yield", "from."], ["yield", "from"])).toBe(true);
    expect(keepResult([], ["cursor"])).toBe(true);
  });

  it("reads the matched words from the page's text as Pagefind splits it", () => {
    expect(matchedWords("GIL을 놓아 주는 C 코드", [3, 0])).toEqual(["C", "GIL을"]);
    expect(matchedWords("a\u200Bb c\u200Bd", [1])).toEqual(["b c"]);
    expect(matchedWords("one  two\nthree", [2, 9])).toEqual(["three"]);
  });
});

describe("when no page has every word", () => {
  const r = (id: string, score: number) => ({ id, score });

  it("gives the pages with the most of the words first, then by summed score, each with the words it lacks", () => {
    const a = r("a", 5);
    const b = r("b", 1);
    // b and c have two words each; c's summed score (3) is the higher.
    const out = somePages([[a, b], [b, r("c", 2)], [r("c", 1)]]);
    expect(out.map((p) => [p.result.id, p.missing])).toEqual([
      ["c", [0]],
      ["b", [2]],
      ["a", [1, 2]],
    ]);
    // The first list's result object stands for the page.
    expect(out[0].result).toEqual({ id: "c", score: 2 });
    expect(out[1].result).toBe(b);
  });

  it("gives nothing when no word finds anything", () => {
    expect(somePages([[], []])).toEqual([]);
  });

  it("names the missing words as typed, or as searched when the two do not line up", () => {
    expect(missingWords("yield from 문법을", "yield from 문법", [2])).toEqual(["문법을"]);
    expect(missingWords("이벤트루프 문법", "이벤트 루프 문법", [2])).toEqual(["문법"]);
    expect(missingWords("yield, from", "yield from", [0, 1])).toEqual(["yield", "from"]);
  });
});

describe("the parts of a page's word that Pagefind indexes", () => {
  it("are the word without punctuation, its pieces between punctuation, and its camelCase halves", () => {
    expect(wordParts("loop.callSoon(say,")).toEqual(["loopcallSoonsay", "loop", "callSoon", "say", "call", "Soon"]);
    expect(wordParts("call_soon()과")).toEqual(["call_soon과", "call_soon", "과", "call", "soon"]);
    expect(wordParts("__init__(self,")).toEqual(["__init__self", "__init__", "self", "init"]);
    expect(wordParts("정정.")).toEqual(["정정"]);
  });

  it("count as real matches: a compound's part, a Korean noun without its particle", () => {
    expect(realMatch("call_soon()과", "soon")).toBe(true);
    expect(realMatch("set_exception()으로", "으로")).toBe(true);
    expect(realMatch("asyncio.TaskGroup.", "taskgroup")).toBe(true);
    expect(realMatch("loop.callSoon(say,", "soon")).toBe(true);
    expect(realMatch("정정.", "정정을")).toBe(true);
    expect(realMatch("멈췄다가", "멈춰")).toBe(true);
    expect(realMatch("__init__(self,", "__init__")).toBe(true);
    expect(realMatch("큐", "큐가")).toBe(true);
    expect(realMatch("나", "나갑니다")).toBe(false);
    expect(realMatch("바", "바나나")).toBe(false);
    expect(realMatch("1", "1초")).toBe(false);
  });
});
