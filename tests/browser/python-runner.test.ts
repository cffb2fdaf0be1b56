/**
 * The Python tab in Chromium, on the built site: Run runs the original on CPython 3.11.3
 * (Pyodide, fetched from the site's own `_runner/` only when asked), Stop ends
 * `while True: pass`, a syntax error marks its line, Compare shows the verdict, and the
 * new controls pass axe in both themes. (The Python rows of the hostile-input table are in
 * ./hostile-cases.ts, run by ./runner-hostile.test.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { findChromium, ROOT } from "./lib";
import { expectedOutput, failures, pagesWithExamples, pythonTab, replaceCode, replacePython, stdout, waitForEnd, wake } from "./runner-helpers";
import { useBrowserSite } from "./session";

const chromium = findChromium();
const AXE = join(ROOT, "node_modules/axe-core/axe.min.js");

describe.skipIf(!chromium)("the Python tab runs on CPython", () => {
  const env = useBrowserSite(chromium, { page: true });
  const first = chromium ? pagesWithExamples()[0] : { path: "", ids: [""] };
  const id = first.ids[0];
  const pyodideRequests: string[] = [];

  async function open(): Promise<Locator> {
    await env.page.goto(env.site.url + first.path);
    await env.page.evaluate(() => localStorage.clear());
    await env.page.reload();
    return wake(env.page, id);
  }
  /** The example opened afresh, `code` typed on its Python tab and run to its end (how it ended). */
  async function runEdited(code: string, timeout: number): Promise<{ root: Locator; end: string }> {
    const root = await open();
    await pythonTab(root);
    await replacePython(root, code);
    await root.locator('[data-act="run"]').click();
    return { root, end: await waitForEnd(root, timeout) };
  }


  beforeAll(async () => {
    env.page.on("request", (r) => {
      if (/pyodide|python\.js/.test(r.url())) pyodideRequests.push(r.url());
    });
    // Every binaries message the page posts to a worker, by the kind of its stdlib; runs started.
    await env.page.addInitScript(() => {
      const seen: string[] = [];
      const w = window as unknown as { __stdlibPosts: string[]; __runPosts: number };
      w.__stdlibPosts = seen;
      w.__runPosts = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
        const m = message as { type?: string; stdlib?: unknown } | null;
        if (m?.type === "binaries") seen.push(Object.prototype.toString.call(m.stdlib));
        return post.call(this, message, ...rest);
      } as Worker["postMessage"];
      // A run request goes to the runner over its private MessagePort (src/runner/sandbox.ts).
      const portPost = MessagePort.prototype.postMessage;
      MessagePort.prototype.postMessage = function (this: MessagePort, message: unknown, ...rest: never[]) {
        if ((message as { type?: string } | null)?.type === "run") w.__runPosts++;
        return portPost.call(this, message, ...rest);
      } as MessagePort["postMessage"];
    });
  });

  it("downloads nothing of Python on page load or when only TypeScript runs", async () => {
    const root = await open();
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root)).toBe("done");
    await pythonTab(root);
    await root.locator('[data-act="run"] + *').hover();
    expect(pyodideRequests).toEqual([]);
  });

  it("Run on the Python tab prints the original's expected output on CPython 3.11.3", async () => {
    const root = await open();
    await pythonTab(root);
    expect(await root.locator(".ex-engine").textContent()).toContain("CPython 3.11.3 (WebAssembly)");
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
    expect(pyodideRequests.some((u) => u.includes("pyodide-0.25.1/pyodide.asm.wasm"))).toBe(true);
    expect(pyodideRequests.every((u) => u.startsWith(env.site.url))).toBe(true);
    // A second run uses the warm worker: nothing is fetched again.
    const before = pyodideRequests.length;
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 30_000)).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
    expect(pyodideRequests.length).toBe(before);
  });

  it("Stop ends `while True: pass`; the next run boots a new worker, handed the stdlib as a Blob, never a copy", async () => {
    const root = await open();
    await pythonTab(root);
    await replacePython(root, 'print("spinning")\nwhile True:\n    pass\n');
    await root.locator('[data-act="run"]').click();
    // The first Python run on a page downloads and starts CPython: allow for a slow machine.
    await root.locator(".ex-line--log .ex-text", { hasText: "spinning" }).waitFor({ timeout: 90_000 });
    await env.page.waitForTimeout(300);
    await root.locator('[data-act="stop"]').click();
    expect(await waitForEnd(root, 5_000)).toBe("stopped"); // drawn on the next frame; well before the 10 s limit
    // Stop ended that worker: the next run boots another, handed the same Blob.
    await replacePython(root, 'print("again")\n');
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("done");
    expect(await stdout(root)).toBe("again");
    const posts = await env.page.evaluate(() => (window as unknown as { __stdlibPosts: string[] }).__stdlibPosts);
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts)).toEqual(new Set(["[object Blob]"]));
  });

  it("marks a syntax error's line, before Run once CPython is loaded, and on Run", async () => {
    const root = await open();
    await pythonTab(root);
    await replacePython(root, 'print("one")\nx = (1,\nprint("three")\n');
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 90_000).catch(() => root.getAttribute("data-state"))).toBeDefined();
    await root.locator(".ex-code--py .ex-errline").first().waitFor();
    const marked = await root.locator(".ex-code--py .cm-line.ex-errline").allTextContents();
    expect(marked).toEqual(["x = (1,"]);
    // What python3 prints for it, then where it is.
    expect(await failures(root)).toMatch(/^ {2}File "example\.py", line 2\n {4}x = \(1,\n {8}\^\nSyntaxError: '\(' was never closed\n↑ .*(line 2, column 5|2행 5열)/);
    // Now edit: a new mistake is marked by compiling alone, without pressing Run.
    await replacePython(root, 'print("ok")\nprint("ok")\ndef f(:\n    pass\n');
    // (The check waits for the next worker to boot CPython after the run: seconds on a busy machine.)
    await root.locator(".ex-code--py .cm-line.ex-errline", { hasText: "def f(:" }).waitFor({ timeout: 90_000 });
    expect(await root.getAttribute("data-state")).not.toBe("running");
    // Reset brings back the original, which has no mistake to mark; its undo brings the
    // edit back, and the edit is checked again as if it had just been typed.
    await root.locator('[data-act="reset"]').click();
    await expect.poll(() => root.locator(".ex-code--py .cm-line.ex-errline").count()).toBe(0);
    await root.locator('.ex-notice[data-key="resetDone"] [data-notice="action"]').click();
    await root.locator(".ex-code--py .cm-line.ex-errline", { hasText: "def f(:" }).waitFor({ timeout: 90_000 });
    expect(await root.locator(".ex-code--py .cm-line.ex-errline").allTextContents()).toEqual(["def f(:"]);
  });

  it("keeps a runtime error's mark when Run follows the edit at once (the pending syntax check gives way)", async () => {
    const root = await open();
    await pythonTab(root);
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 90_000)).toBe("done");
    await replacePython(root, 'x = 1\nprint(y)\n');
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("done");
    const marked = root.locator(".ex-code--py .cm-line.ex-errline");
    await marked.first().waitFor();
    // Looked at for longer than the check's pause after typing, a new spare worker's boot
    // and a compile: the check, had it gone on, would have landed and cleared the mark.
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      seen.add((await marked.allTextContents()).join("|"));
      await env.page.waitForTimeout(200);
    }
    expect([...seen]).toEqual(["print(y)"]);
    // The traceback is not followed by a plain "Finished.".
    expect(await root.locator(".ex-line--meta .ex-text").last().textContent()).toMatch(/처리되지 않은 예외로 끝났습니다\..*Ended with an unhandled exception\./s);
  });

  it("says Running, not Loading CPython, once the first Python run's program has started", async () => {
    const root = await open();
    await pythonTab(root);
    await replacePython(root, 'import time\nprint("up")\ntime.sleep(4)\nprint("end")\n');
    await root.locator('[data-act="run"]').click();
    const status = root.locator('[data-part="status"]');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toContain("Loading CPython");
    await expect.poll(() => stdout(root), { timeout: 60_000 }).toBe("up");
    expect(await root.getAttribute("data-state")).toBe("running");
    expect(await status.textContent()).toMatch(/실행 중….*Running…/s);
    expect(await waitForEnd(root, 30_000)).toBe("done");
  });

  it("explains a coroutine never awaited, once, in both languages, before how the run ended", async () => {
    const { root, end } = await runEdited("import asyncio\n\nasync def main():\n    asyncio.sleep(1)\n    print('end')\n\nasyncio.run(main())\n", 90_000);
    expect(end).toBe("done");
    expect(await root.locator(".ex-line--error .ex-text").first().textContent()).toBe("example.py:4: RuntimeWarning: coroutine 'sleep' was never awaited");
    const meta = await root.locator(".ex-line--meta .ex-text").allTextContents();
    expect(meta).toHaveLength(2);
    expect(meta[0]).toContain("sleep() 코루틴을 만들기만 하고 await하지 않았습니다.");
    expect(meta[0]).toContain("The coroutine sleep() was made but never awaited");
    expect(meta[1]).toMatch(/끝났습니다\..*Finished\./s);
    // The editor marks the line CPython named, with the warning under it.
    const marked = await root.locator(".ex-code--py .cm-line").evaluateAll((lines) =>
      lines.map((l, i) => (l.classList.contains("ex-errline") ? i + 1 : 0)).filter(Boolean),
    );
    expect(marked).toEqual([4]);
    expect(await root.locator(".ex-code--py .ex-errmsg").textContent()).toBe("RuntimeWarning: coroutine 'sleep' was never awaited");
  });

  it("explains asyncio.run() inside a coroutine as that, not as a coroutine never awaited", async () => {
    const { root } = await runEdited("import asyncio\n\nasync def inner():\n    return 1\n\nasync def main():\n    print(asyncio.run(inner()))\n\nasyncio.run(main())\n", 90_000);
    const errors = (await root.locator(".ex-out .ex-text").allTextContents()).join("\n");
    expect(errors).toContain("RuntimeError: asyncio.run() cannot be called from a running event loop");
    expect(errors).toContain("coroutine 'inner' was never awaited");
    const meta = (await root.locator(".ex-line--meta .ex-text").allTextContents()).join("\n");
    expect(meta).toContain("코루틴 안에서는 다른 코루틴을 asyncio.run()에 넘기지 말고 await로");
    expect(meta).toContain("Inside a coroutine, wait for another coroutine with await");
    expect(meta).not.toContain("never awaited");
    expect(meta).not.toContain("await하지 않았습니다");
  });

  it("explains a missing module in both languages", async () => {
    const { root } = await runEdited("import requests\n", 30_000);
    const meta = await root.locator(".ex-line--meta .ex-text").allTextContents();
    expect(meta.join("\n")).toContain('"requests" 모듈은 브라우저 안의 CPython에 없습니다');
    expect(meta.join("\n")).toContain('The module "requests" is not in the CPython that runs in your browser');
    expect(await root.locator(".ex-line--fail .ex-text", { hasText: "ModuleNotFoundError: No module named 'requests'" }).count()).toBe(1);
  });

  it("says the stack ran out, in both languages, when awaits nest too deep for the browser; the next run works", async () => {
    const root = await open();
    await pythonTab(root);
    // The limit raised, so the stack runs out first on any machine (at 1,000 it is a race).
    await replacePython(root, 'import asyncio, sys\nsys.setrecursionlimit(10_000)\nasync def f(n):\n    return await f(n + 1)\nasyncio.run(f(0))\n');
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("crashed");
    const said = (await root.locator(".ex-line--fail .ex-text").allTextContents()).join("\n");
    expect(said).toContain("CPython ran out of stack in the browser");
    expect(said).toContain("브라우저 안의 CPython이 스택을 다 써서");
    expect(said).not.toContain("stopped unexpectedly");
    await replacePython(root, 'print("again")\n');
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("done");
    expect(await stdout(root)).toBe("again");
  });

  it("shows a progress line printed with \\r as a terminal does: its last state", async () => {
    const { root, end } = await runEdited('for i in range(3):\n    print(f"\\rprogress {i}", end="")\nprint()\nprint("next")\n', 60_000);
    expect(end).toBe("done");
    expect(await stdout(root)).toBe("progress 2\nnext");
  });

  it("says the exit status a program asked for (sys.exit(3), os._exit(4)), as a finish, not a crash", async () => {
    const root = await open();
    await pythonTab(root);
    for (const [code, status] of [['print("a")\nraise SystemExit(3)\n', 3], ['import os\nprint("b")\nos._exit(4)\n', 4]] as const) {
      await replacePython(root, code);
      await root.locator('[data-act="run"]').click();
      expect(await waitForEnd(root, 60_000)).toBe("done");
      const meta = (await root.locator(".ex-line--meta .ex-text").allTextContents()).join("\n");
      expect(meta).toContain(`Finished with exit status ${status}.`);
      expect(meta).toContain(`끝났습니다(종료 코드 ${status}).`);
    }
  });

  it("Compare says identical for the unedited example, and finds the first difference after an edit", async () => {
    const root = await open();
    await root.locator('[data-act="compare"]').click();
    const panel = root.locator('[data-part="compare"]');
    await env.page.waitForFunction((el) => el?.getAttribute("data-state") !== "running", await panel.elementHandle(), { timeout: 60_000 });
    expect(await panel.getAttribute("data-state")).toBe("identical");
    // Headings in both languages, the one that reads the same in both written once.
    expect(await panel.locator("thead th").allTextContents()).toEqual(["#", "TypeScript (루프 라이브러리) / TypeScript (loop library)", "Python (CPython)"]);
    expect(await panel.locator(".ex-cmp-verdict").textContent()).toMatch(/같습니다.*Identical/s);
    const expected = expectedOutput(id).split("\n");
    await pythonTab(root);
    const edited = readFileSync(join(ROOT, "content/examples", id, "example.py"), "utf8") + 'print("one more line")\n';
    await replacePython(root, edited);
    await root.locator('[data-act="compare"]').click();
    await env.page.waitForFunction((el) => el?.getAttribute("data-state") !== "running", await panel.elementHandle(), { timeout: 60_000 });
    expect(await panel.getAttribute("data-state")).toBe(`differs-${expected.length + 1}`);
    expect(await panel.locator(".ex-cmp-verdict").textContent()).toContain(`first difference is at line ${expected.length + 1}`);
    expect(await panel.locator("tr.ex-cmp-diff").count()).toBe(1);
    // A TypeScript edit that does not compile: its column shows the problem, and no
    // internal word for how the run ended.
    await root.locator(".ex-views .ex-view-ts + label").click();
    await replaceCode(root, "const x: number = ;\n");
    await root.locator('[data-act="compare"]').click();
    await env.page.waitForFunction((el) => el?.getAttribute("data-state") !== "running", await panel.elementHandle(), { timeout: 60_000 });
    const shown = (await panel.textContent()) ?? "";
    expect(shown).toMatch(/Expression expected|error/i);
    expect(shown).not.toContain("[problems]");
  });

  it("Stop ends a comparison that does not end by itself, well before the time limit", async () => {
    const root = await open();
    await pythonTab(root);
    await replacePython(root, "n = 0\nwhile True:\n    n += 1\n");
    await root.locator('[data-act="compare"]').click();
    const panel = root.locator('[data-part="compare"]');
    await expect.poll(() => panel.getAttribute("data-state")).toBe("running");
    const stop = root.locator('[data-act="stop"]');
    await expect.poll(() => stop.isDisabled()).toBe(false);
    // Both programs have started (CPython is loaded) before Stop: the worst case.
    await env.page.waitForTimeout(1500);
    const at = Date.now();
    await stop.click();
    await expect.poll(() => panel.getAttribute("data-state"), { timeout: 10_000 }).toBe("stopped");
    expect(Date.now() - at).toBeLessThan(10_000);
    expect(await panel.locator(".ex-cmp-verdict").textContent()).toMatch(/비교를 멈췄습니다.*Comparison stopped/s);
    await expect.poll(() => stop.isDisabled()).toBe(true);
    await root.locator('[data-act="reset"]').click();
  });

  it("Compare explains a difference the example expects (32-bit CPython's sizes), and only for the unedited code", async () => {
    const lazy = "lazy-infinite-generator";
    await env.page.goto(`${env.site.url}generator/`);
    await env.page.evaluate(() => localStorage.clear());
    await env.page.reload();
    const root = await wake(env.page, lazy);
    const panel = root.locator('[data-part="compare"]');
    const compare = async () => {
      await root.locator('[data-act="compare"]').click();
      await env.page.waitForFunction((el) => el?.getAttribute("data-state") !== "running", await panel.elementHandle(), { timeout: 60_000 });
    };
    await compare();
    expect(await panel.getAttribute("data-state")).toMatch(/^differs-\d+$/);
    const note = panel.locator(".ex-cmp-note");
    expect(await note.textContent()).toMatch(/32비트.*32-bit/s);
    // Each output column gets the same width.
    const widths = await panel.locator("thead th").evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
    expect(Math.abs(widths[1] - widths[2])).toBeLessThan(2);
    expect(widths[0]).toBeLessThan(widths[1] / 2);
    // Edited, the difference is the reader's own: no note.
    await pythonTab(root);
    await replacePython(root, readFileSync(join(ROOT, "content/examples", lazy, "example.py"), "utf8") + 'print("mine")\n');
    await compare();
    expect(await panel.getAttribute("data-state")).toMatch(/^differs-\d+$/);
    expect(await note.count()).toBe(0);
  });

  it("See the loop on the Python tab shows the events of CPython's own loop", async () => {
    const root = await open();
    await pythonTab(root);
    await root.locator('[data-act="loop"]').first().click();
    expect(await waitForEnd(root, 90_000)).toBe("done");
    // The panel draws the recorded steps once the output has drained: wait for its counter.
    const host = await root.locator('[data-part="loop"]').elementHandle();
    const steps = await env.page.waitForFunction((el) => {
      const viz = el?.firstElementChild?.shadowRoot?.querySelector<HTMLElement>(".viz");
      return /Step \d+ of (\d+)/.exec(viz?.innerText ?? "")?.[1];
    }, host, { timeout: 20_000 });
    expect(Number(await steps.jsonValue())).toBeGreaterThan(10);
    expect(await stdout(root)).toBe(expectedOutput(id));
    // A step the reader's Python caused names its line, with the line's text.
    const panel = root.locator("loop-visualizer");
    const at = await panel.evaluate((p) => {
      const v = p as unknown as { goTo(k: number): void; model: { first: number; end: number; events(): { line?: number }[] } };
      const events = v.model.events();
      const k = events.findIndex((e) => typeof e.line === "number");
      v.goTo(v.model.first + k);
      return events[k]?.line ?? null;
    });
    expect(at).not.toBeNull();
    const text = readFileSync(join(ROOT, "content/examples", id, "example.py"), "utf8").split("\n")[Number(at) - 1].trim();
    await expect.poll(() => panel.locator("[data-code]").innerText()).toContain(`line ${at}`);
    expect(await panel.locator("[data-code] code").innerText()).toBe(text);
    // Switching to the TypeScript tab runs nothing: a note says whose trace is shown, until Run.
    const runPosts = (): Promise<number> => env.page.evaluate(() => (window as unknown as { __runPosts: number }).__runPosts);
    const runs = await runPosts();
    expect(runs).toBeGreaterThan(0);
    await root.locator(".ex-views .ex-view-ts + label").click();
    const note = root.locator(".ex-loop-note");
    await expect.poll(() => note.innerText()).toContain("The trace below comes from the Python tab's code.");
    expect(await root.getAttribute("data-state")).toBe("done");
    expect(await runPosts()).toBe(runs);
    await pythonTab(root);
    expect(await note.count()).toBe(0);
    await root.locator(".ex-views .ex-view-ts + label").click();
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("done");
    expect(await note.count()).toBe(0);
  });

  it("says why when a Pyodide download fails, and the next Run downloads again", async () => {
    // A context of its own, without the service worker: nothing cached answers for the network.
    const ctx = await env.browser.newContext({ serviceWorkers: "block" });
    let fail = true;
    await ctx.route("**/python_stdlib.zip", (route) => (fail ? route.fulfill({ status: 404, body: "" }) : route.continue()));
    const page = await ctx.newPage();
    await page.goto(env.site.url + first.path);
    const root = await wake(page, id);
    await pythonTab(root);
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 60_000)).toBe("crashed"); // a run that could not start
    // Shown in both languages (the page's default mode), the browser's detail kept as it came, once.
    const detail = String.raw`\(Error: http:\S+/python_stdlib\.zip: HTTP 404\)`;
    expect(await failures(root)).toMatch(new RegExp(`^실행 환경을 시작하지 못했습니다${detail}\\. \\[실행\\]을 다시 눌러 보세요\\. / The sandbox did not start ${detail}\\. Press Run to try again\\.$`));
    fail = false;
    await root.locator('[data-act="run"]').click();
    expect(await waitForEnd(root, 90_000)).toBe("done");
    expect(await stdout(root)).toBe(expectedOutput(id));
    await ctx.close();
  });

  for (const theme of ["light", "dark"] as const) {
    it(`passes axe with the Python tab, its output and the comparison shown (${theme})`, async () => {
      const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
      await ctx.addInitScript((t) => localStorage.setItem("notes:theme", t), theme);
      const page = await ctx.newPage();
      await page.goto(env.site.url + first.path);
      const root = await wake(page, id);
      await pythonTab(root);
      await root.locator('[data-act="run"]').click();
      await waitForEnd(root, 60_000);
      await root.locator('[data-act="compare"]').click();
      await page.waitForFunction((el) => !["running", undefined, null].includes(el?.getAttribute("data-state")), await root.locator('[data-part="compare"]').elementHandle(), { timeout: 60_000 });
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(ctx: Element, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const r = await axe.run(document.querySelector("asyncio-example") as Element, { resultTypes: ["violations"] });
        return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${JSON.stringify(v.nodes[0]?.target)}`);
      });
      expect(violations).toEqual([]);
      await ctx.close();
    });
  }
});
