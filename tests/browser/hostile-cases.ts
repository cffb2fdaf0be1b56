/**
 * The standing hostile-input table: reader code that tries to freeze the page, flood
 * it, speak the runner's protocol, escape the sandbox, or end without ending. Each case
 * names the code, the end state it must reach, the text it must show (and must not),
 * and at most how many output rows the page may hold. The browser suite
 * (./runner-hostile.test.ts) asserts those; the bench (bench/hostile.ts) runs the same
 * table and reports the longest main-thread stall of each run against the goals.
 */
import type { Locator, Page } from "playwright-core";
import { RUN_LIMITS } from "../../src/runner/limits";
import { END_STATES, failures, pagesWithExamples, pythonTab, replaceCode, replacePython, setClock, wake } from "./runner-helpers";

export interface HostileCase {
  name: string;
  language: "ts" | "py";
  code: string;
  /** The example's `data-state` when the run is over. */
  state: string;
  /** Texts the output must contain (stdout, errors and notices together). */
  shows?: string[];
  /** Texts it must not contain. */
  hides?: string[];
  /** Output rows the page may hold at most. */
  maxRows?: number;
  /** Click Stop once this text is shown. */
  stopOn?: string;
}

const FORGE = (message: string): string =>
  `const send = (m: unknown) => { try { (self as any).postMessage(m); } catch {} try { (Object.getPrototypeOf(self) as any).postMessage.call(self, m); } catch {} };\n${message}\n`;

/** TypeScript attacks (the runner's own sandbox). */
export const TS_CASES: HostileCase[] = [
  { name: "one 50 MB line", language: "ts", code: `console.log("x".repeat(50e6));`, state: "done", shows: ["49,990,000 more characters"], maxRows: 3 },
  { name: "an array of 10 million items", language: "ts", code: `console.log(new Array(1e7).fill(1));`, state: "done", shows: ["... 9999900 more items ]"], maxRows: 3 },
  { name: "9,999 lines of 10 KB", language: "ts", code: `for (let i = 0; i < 9999; i++) console.log("y".repeat(10_000));`, state: "limit-chars", shows: ["1,000,000 characters"], maxRows: 110 },
  { name: "a million short lines", language: "ts", code: `for (let i = 0; i < 1e6; i++) console.log(i);`, state: "limit-lines", shows: ["10,000 lines"], maxRows: 10_001 },
  { name: "while (true)", language: "ts", code: `console.log("spin"); while (true) {}`, state: "limit-time", shows: ["spin", `${RUN_LIMITS.time.value} seconds`] },
  { name: "a callSoon storm", language: "ts", code: `import * as asyncio from "asyncio";\nconst loop = asyncio.newEventLoop();\nconst again = () => loop.callSoon(again);\nagain();\nloop.runForever();`, state: "limit-time" },
  { name: "deep recursion", language: "ts", code: `function f(n: number): number { return f(n + 1) + 1; }\nf(0);`, state: "done", shows: ["RangeError: Maximum call stack size exceeded", "CPython raises RecursionError past 1,000 levels"] },
  { name: "a very long array spread into gather()", language: "ts", code: `import * as asyncio from "asyncio";\nfunction* triv(i: number): asyncio.Coroutine<number> { return i; }\nfunction* main(): asyncio.Coroutine<void> {\n  const coros = Array.from({ length: 500_000 }, (_, i) => triv(i));\n  const all = yield* asyncio.gather(...coros);\n  console.log(all.length);\n}\nawait asyncio.run(main());`, state: "done", shows: ["RangeError: Maximum call stack size exceeded", "gather(...coros)"] },
  { name: "a forged output message of 200,000 lines", language: "ts", code: FORGE(`send({ type: "output", lines: Array.from({ length: 200_000 }, () => ({ level: "log", text: "forged", time: 0, cut: 0 })) });\nconsole.log("real");`), state: "done", shows: ["real"], hides: ["forged"], maxRows: 3 },
  { name: "a forged output with a string time", language: "ts", code: FORGE(`send({ type: "output", lines: [{ level: "log", text: "forged", time: "soon" }] });\nconsole.log("real");`), state: "done", shows: ["real"], hides: ["forged"] },
  { name: "a forged done, then more output", language: "ts", code: FORGE(`send({ type: "done" });\nfor (let i = 0; i < 3; i++) console.log("after", i);`), state: "done", shows: ["after 2"] },
  { name: "the runtime imported again, with a port of its own", language: "ts", code: `import * as asyncio from "asyncio";\nlet stack = "";\nfunction* main(): asyncio.Coroutine<void> { stack = new Error().stack ?? ""; }\nawait asyncio.run(main());\nconst urls = [...stack.matchAll(/(blob:[^\\s)]+?)(?::\\d+){2}/g)].map((m) => m[1]);\nconst m = await import(/* @vite-ignore */ urls.find((u) => u !== urls[0]) ?? "").catch(() => null);\nconst ch = new MessageChannel();\nm?.start?.(ch.port1);\nch.port2.postMessage({ type: "done" });\nconsole.log("still here", typeof m?.start);\nfor (let i = 0; i < 3; i++) console.log("after", i);`, state: "done", shows: ["still here function", "after 2"] },
  { name: "a thrown object whose getter throws", language: "ts", code: `throw { get message(): string { throw new Error("no"); }, get name(): string { throw new Error("no"); } };`, state: "done", shows: ["Uncaught"] },
  { name: "an Error whose name getter throws", language: "ts", code: `const e = new Error("boom");\nObject.defineProperty(e, "name", { get() { throw new Error("no"); } });\nthrow e;`, state: "done", shows: ["boom"] },
  { name: "a revoked proxy thrown", language: "ts", code: `const { proxy, revoke } = Proxy.revocable({}, {});\nrevoke();\nthrow proxy;`, state: "done", shows: ["Uncaught"] },
  { name: "null thrown", language: "ts", code: `throw null;`, state: "done", shows: ["Uncaught null"] },
  { name: "an unhandled rejection from an async function", language: "ts", code: `async function f() { throw new TypeError("x"); }\nf();`, state: "done", shows: ["TypeError: x"] },
  { name: "a top-level Promise.reject", language: "ts", code: `Promise.reject(new Error("late"));`, state: "done", shows: ["Error: late"] },
  { name: "a getter in console.log", language: "ts", code: `console.log({ get g() { return "getter ran"; } });`, state: "done", shows: ["{ g: [Getter] }"], hides: ["getter ran"] },
  { name: "a cycle in console.log", language: "ts", code: `const a: any = { n: 1 };\na.self = a;\nconsole.log(a);`, state: "done", shows: ["<ref *1> { n: 1, self: [Circular *1] }"] },
  { name: "HTML in output", language: "ts", code: `console.log("<img src=x onerror=alert(1)><b>bold</b>");`, state: "done", shows: ["<img src=x onerror=alert(1)><b>bold</b>"] },
  { name: "an import of node:fs", language: "ts", code: `import fs from "node:fs";\nconsole.log(fs);`, state: "idle", shows: ['"node:fs" 모듈은 임포트할 수 없습니다', 'Cannot import "node:fs"'] },
  { name: "a syntax error after Korean text", language: "ts", code: `const s = "한국어 텍스트"; const b = ;`, state: "idle", shows: ["1행 32열", "line 1, column 32"] },
  { name: "a top-level await nothing can settle", language: "ts", code: `console.log("before");\nawait new Promise(() => {});\nconsole.log("never");`, state: "done", shows: ["before", "Error: unsettled top-level await", "Node ends such a module at once", "종료 코드 13"], hides: ["never", `${RUN_LIMITS.time.value} seconds`] },
  { name: "a top-level await a timer settles after the idle grace", language: "ts", code: `await new Promise((done) => setTimeout(done, 3000));\nconsole.log("after the timer");`, state: "done", shows: ["after the timer"], hides: ["unsettled"] },
  { name: "fetch", language: "ts", code: `try { await fetch("/"); console.log("fetched"); } catch (e) { console.log("refused", (e as Error).name); }`, state: "done", shows: ["refused"], hides: ["fetched"] },
];

/**
 * Python attacks (CPython in its own sandboxed worker), run on a section page's example
 * (the playground has no Python tab). The first one also downloads and starts CPython.
 */
export const PY_CASES: HostileCase[] = [
  { name: "Python: while True, ended by Stop", language: "py", code: `print("spin")\nwhile True:\n    pass\n`, stopOn: "spin", state: "stopped", shows: ["spin"] },
  { name: "Python: one 50 MB line", language: "py", code: `print("x" * 50_000_000)\n`, state: "done", shows: ["49,990,000"], maxRows: 3 },
  { name: "Python: a list of 10**7 numbers", language: "py", code: `print(list(range(10**7)))\n`, state: "done", shows: ["88,878,890"], maxRows: 3 },
  { name: "Python: deep recursion", language: "py", code: `def f(n):\n    return f(n + 1)\nf(0)\n`, state: "done", shows: ["RecursionError: maximum recursion depth exceeded"] },
  {
    name: "Python: a forged message through js.postMessage",
    language: "py",
    code: `import js\njs.postMessage(js.JSON.parse('{"type":"output","lines":[{"level":"log","text":"FORGED","time":0}]}'))\njs.postMessage(js.JSON.parse('{"type":"done"}'))\nprint("real")\n`,
    state: "done",
    shows: ["real"],
    hides: ["FORGED"],
  },
];

export const CASES: HostileCase[] = [...TS_CASES, ...PY_CASES];

export interface CaseResult {
  state: string;
  text: string;
  rows: number;
  /** The longest gap between two setTimeout(0) callbacks on the page while the run lasted (ms). */
  stall: number;
}

/**
 * The example a case runs in, awake: the playground for TypeScript, the first example of
 * the first section page for Python. Stays on the page when it is already open.
 */
export async function exampleFor(page: Page, siteUrl: string, c: HostileCase): Promise<Locator> {
  const where = c.language === "py" ? pagesWithExamples()[0] : { path: "playground/", ids: ["playground"] };
  if (page.url() !== siteUrl + where.path) await page.goto(siteUrl + where.path);
  return wake(page, where.ids[0]);
}

/** Puts the case's code in the example, runs it, and measures the page while it runs. */
export async function runCase(page: Page, root: Locator, c: HostileCase): Promise<CaseResult> {
  if (c.language === "py") {
    await pythonTab(root);
    await replacePython(root, c.code);
  } else {
    await replaceCode(root, c.code);
  }
  await setClock(root, "virtual");
  // A plain script, not a function: tsx (bench/hostile.ts) would wrap a function's inner names in a helper the page lacks.
  await page.evaluate(`(() => {
    const w = window;
    w.__stall = { worst: 0, on: true };
    let last = performance.now();
    function tick() {
      const now = performance.now();
      w.__stall.worst = Math.max(w.__stall.worst, now - last);
      last = now;
      if (w.__stall.on) setTimeout(tick, 0);
    }
    setTimeout(tick, 0);
  })()`);
  await root.locator('[data-act="run"]').click();
  if (c.stopOn !== undefined) {
    // The first Python run downloads and starts CPython: allow for a slow machine.
    await root.locator(".ex-out .ex-text", { hasText: c.stopOn }).first().waitFor({ timeout: 90_000 });
    await root.locator('[data-act="stop"]').click();
  }
  await page.waitForFunction(
    ([el, states]) => states.includes(el?.getAttribute("data-state") ?? ""),
    [await root.elementHandle(), END_STATES] as const,
    { timeout: 60_000, polling: 100 },
  );
  await page.waitForTimeout(100);
  const stall = await page.evaluate(() => {
    const w = window as unknown as { __stall: { worst: number; on: boolean } };
    w.__stall.on = false;
    return w.__stall.worst;
  });
  return {
    state: (await root.getAttribute("data-state")) ?? "",
    text: (await root.locator(".ex-out").innerText()) + "\n" + (await failures(root)),
    rows: await root.locator(".ex-out .ex-line").count(),
    stall,
  };
}
