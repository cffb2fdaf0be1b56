import { describe, expect, it } from "vitest";
import type { Element, ElementContent, Root, RootContent } from "hast";
import rehypeShortCode from "../../src/components/user/rehype-short-code";
import { SHORT_CODE, codeClass, codeRuns, plain } from "../../src/components/text";

const code = (text: string): Element => ({ type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: text }] });
const el = (tagName: string, children: ElementContent[]): Element => ({ type: "element", tagName, properties: {}, children });

describe("rehype-short-code", () => {
  it("marks short inline code that has a place to break at, in prose and inside MDX components, and leaves long code and code blocks alone", () => {
    const short = code("{ value, done }");
    const edge = code("x, y".padEnd(SHORT_CODE, "z"));
    const long = code("x, y".padEnd(SHORT_CODE + 1, "z"));
    const name = code("asyncio.get_running_loop()"); // nothing a browser breaks at: left to break-word
    const block = code("print('hi')");
    const inJsx = code("yield from");
    const inTable = code("send(v)");
    const tree: Root = {
      type: "root",
      children: [
        el("p", [{ type: "text", value: "a " }, short, edge, long, name]),
        el("pre", [block]),
        el("table", [el("tbody", [el("tr", [el("td", [inTable])])])]),
        { type: "mdxJsxFlowElement", name: "Ko", attributes: [], children: [el("p", [inJsx])] },
      ],
    };
    rehypeShortCode()(tree);
    expect(short.properties.className).toEqual(["nw"]);
    expect(edge.properties.className).toEqual(["nw"]);
    expect(long.properties.className).toBeUndefined();
    expect(name.properties.className).toBeUndefined();
    expect(block.properties.className).toBeUndefined();
    expect(inJsx.properties.className).toEqual(["nw"]);
    expect(inTable.properties.className).toEqual(["tc"]);
  });

  it("lets code in a table break after a dot, an underscore, a parenthesis or a comma, and nowhere inside a name", () => {
    const cell = (text: string): Element => code(text);
    const names = ["types.GeneratorType", "asyncio.run(main())", "snake_case", "coro.send(v), coro.throw(e)", "제네레이터", "__await__()"];
    const codes = names.map(cell);
    rehypeShortCode()({ type: "root", children: [el("table", [el("tr", codes.map((c) => el("td", [c])))])] });
    const shown = (c: Element): string => c.children.map((n) => (n.type === "text" ? n.value : n.type === "element" && n.tagName === "wbr" ? "|" : "?")).join("");
    expect(codes.map(shown)).toEqual(["types.|GeneratorType", "asyncio.|run(|main())", "snake_|case", "coro.|send(|v), coro.|throw(|e)", "제네레이터", "__await__()"]);
    expect(codes.every((c) => (c.properties.className as string[]).includes("tc"))).toBe(true);
  });

  it("keeps the Korean particle written right after short code on the code's line, and nothing else", () => {
    const p = el("p", [
      { type: "text", value: "값은 " },
      code("True"),
      { type: "text", value: "다. 그리고 " },
      code("None"),
      { type: "text", value: "이 아닌 값" },
      code("x"),
      { type: "text", value: " 뒤는 띄어 쓴다, " },
      code("print_every_second_coroutine"),
      { type: "text", value: "는 길다" },
    ]);
    rehypeShortCode()({ type: "root", children: [p] });
    const shown = p.children.map((n) =>
      n.type === "text" ? n.value : n.type === "element" && n.tagName === "span" ? `[${n.children.map((c) => (c.type === "text" ? c.value : `\`${(c as Element).children.map((t) => (t.type === "text" ? t.value : "")).join("")}\``)).join("")}]` : `\`${(n as Element).children.map((t) => (t.type === "text" ? t.value : "")).join("")}\``,
    );
    expect(shown).toEqual(["값은 ", "[`True`다.]", " 그리고 ", "[`None`이]", " 아닌 값", "`x`", " 뒤는 띄어 쓴다, ", "`print_every_second_coroutine`", "는 길다"]);
    expect((p.children[1] as Element).properties.className).toEqual(["nwj"]);
  });

  it("keeps a particle on its code's line in a table too", () => {
    const cell = el("td", [code("throw(e)"), { type: "text", value: "는 전달된다" }]);
    rehypeShortCode()({ type: "root", children: [el("table", [el("tr", [cell])])] });
    const [span, rest] = cell.children as Element[];
    expect(span.properties.className).toEqual(["nwj"]);
    expect((span.children[1] as { value: string }).value).toBe("는");
    expect((rest as unknown as { value: string }).value).toBe(" 전달된다");
  });

  it("does the same for the site's short texts (captions, titles: Bi.astro), and their plain text loses nothing", () => {
    const caption = "다음 `yield`까지 실행되고, `x` 뒤는 띄어 쓴다";
    expect(codeRuns(caption)).toEqual([
      { text: "다음 ", code: false },
      { text: "yield", code: true, particle: "까지" },
      { text: " 실행되고, ", code: false },
      { text: "x", code: true },
      { text: " 뒤는 띄어 쓴다", code: false },
    ]);
    expect(plain(caption)).toBe("다음 yield까지 실행되고, x 뒤는 띄어 쓴다");
    expect(codeRuns("`True`다.")).toEqual([{ text: "True", code: true, particle: "다." }]);
  });

  it("never breaks a table's code inside a number", () => {
    const cell = code("asyncio.sleep(0.5)");
    rehypeShortCode()({ type: "root", children: [el("table", [el("tr", [el("td", [cell])])])] });
    expect(cell.children.map((n) => (n.type === "text" ? n.value : "|")).join("")).toBe("asyncio.|sleep(|0.5)");
  });

  it("leaves names, calls and quoted strings unmarked: the browser breaks none of them at a line's end", () => {
    for (const text of ["print_every_second_coroutine", "__next__()", "'8'", "g.send(None)", "asyncio.get_running_loop()"]) {
      expect(codeClass(text), text).toBeUndefined();
    }
    for (const text of ["{ value, done }", "yield from", "?lang=both", "async-with", "a/b", "x = 1", "[Symbol.iterator]()"]) {
      expect(codeClass(text), text).toBe("nw");
    }
  });
});
