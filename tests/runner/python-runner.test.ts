/**
 * The Python runner on Pyodide (CPython 3.11.3 compiled to WebAssembly), in Node: the
 * modules the browser's worker runs, on the in-browser loop (src/runner/python/).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PyodideInterface } from "pyodide";
import { beforeAll, describe, expect, it } from "vitest";
import { PYTHON_LIMITS } from "../../src/runner/python/protocol";
import type { CodeProblem } from "../../src/runner/protocol";
import { crashFailure, exitStatus } from "../../src/runner/python/host";
import { findPython } from "../harness/python";
import { checkSyntax, loadRunner, ROOT, runPy } from "./pyodide-node";

const ids = JSON.parse(readFileSync(join(ROOT, "content/examples/ids.json"), "utf8")) as string[];
const source = (id: string): string => readFileSync(join(ROOT, "content/examples", id, "example.py"), "utf8");
const expected = (id: string): string => readFileSync(join(ROOT, "content/examples", id, "expected.txt"), "utf8");

let py: PyodideInterface;
beforeAll(async () => {
  py = await loadRunner();
}, 60_000);

describe("every example's original on the in-browser virtual loop", () => {
  it("runs CPython 3.11.3", () => {
    expect(runPy(py, "import sys; print(sys.version.split()[0], sys.implementation.name)").text).toBe("3.11.3 cpython\n");
  });
  // The one inherent difference: Pyodide is 32-bit WebAssembly, so object sizes differ
  // from the 64-bit CPython that wrote expected.txt (its caption says so).
  it("lazy-infinite-generator differs only in its two memory lines, as 32-bit CPython must", () => {
    const id = "lazy-infinite-generator";
    const got = runPy(py, source(id)).text.split("\n");
    const want = expected(id).split("\n");
    expect(got.slice(0, 2)).toEqual(want.slice(0, 2));
    expect(want[2]).toBe("an int just below 10**12 takes 32 bytes");
    const sizes = runPy(py, 'import struct, sys; print(struct.calcsize("P"), sys.getsizeof(10**12 - 1))').text.trim().split(" ").map(Number);
    expect(sizes).toEqual([4, 20]);
    expect(got[2]).toBe("an int just below 10**12 takes 20 bytes");
    const needed = 10 ** 12 * (sizes[0] + sizes[1]);
    expect(got[3]).toBe(`a list of 10**12 ints would need about ${needed.toLocaleString("en-US")} bytes (${(needed / 2 ** 40).toFixed(1)} TiB)`);
  });
  for (const id of ids.filter((i) => i !== "lazy-infinite-generator")) {
    it(`${id} prints expected.txt, with and without the loop trace`, () => {
      const plain = runPy(py, source(id));
      expect(plain.errors).toEqual([]);
      expect(plain.end).toBe("done");
      expect(plain.text).toBe(expected(id));
      const traced = runPy(py, source(id), "virtual", true);
      expect(traced.text).toBe(expected(id));
    });
  }
});

describe("the virtual loop overrides only what it must", () => {
  it("is BaseEventLoop with CPython's _run_once, ready deque and timer heap", () => {
    const out = runPy(py, `
import asyncio, asyncio.base_events, collections, _asyncio
import asyncio_notes_loop as L
skip = {"__module__", "__doc__", "__qualname__", "__dict__", "__weakref__", "__firstlineno__", "__static_attributes__", "_abc_impl", "__abstractmethods__"}
own = lambda cls: sorted(set(cls.__dict__) - skip)
print(L.BrowserEventLoop.__mro__[1] is asyncio.base_events.BaseEventLoop)
print(own(L.BrowserEventLoop))
print(own(L.VirtualSelector))
print(own(L.BrowserEventLoopPolicy))
async def main():
    loop = asyncio.get_running_loop()
    print(type(loop).__name__, type(loop)._run_once is asyncio.base_events.BaseEventLoop._run_once)
    print(type(loop._ready) is collections.deque, type(loop._scheduled) is list)
    print(asyncio.Task is _asyncio.Task, type(asyncio.current_task()) is _asyncio.Task)
    await asyncio.sleep(3600)
    print(loop.time())
asyncio.run(main())
`);
    expect(out.errors).toEqual([]);
    expect(out.text).toBe([
      "True",
      "['__init__', '_process_events', '_write_to_self', 'shutdown_default_executor', 'time']",
      "['__init__', 'select', 'time']",
      "['__init__', 'new_event_loop']",
      "BrowserEventLoop True",
      "True True",
      "True True",
      "3600.0",
      "",
    ].join("\n"));
  });

  it("a closed loop still tells the time and refuses new timers as CPython does", () => {
    const out = runPy(py, `
import asyncio
loop = asyncio.new_event_loop()
loop.call_later(0.1, lambda: print("t", loop.time()))
loop.call_later(2, loop.stop)
loop.run_forever()
loop.close()
print(loop.time())
try:
    loop.call_later(1, print)
except RuntimeError as e:
    print(e)
`);
    expect(out.text).toBe("t 0.1\n2.0\nEvent loop is closed\n");
  });

  it("a program that waits on nothing ends with the deadlock error, not a hang", () => {
    const out = runPy(py, `
import asyncio
async def main():
    print("waiting")
    await asyncio.get_running_loop().create_future()
asyncio.run(main())
`);
    expect(out.text).toBe("waiting\n");
    expect(out.errors).toHaveLength(1);
    expect(out.errors[0].name).toBe("RuntimeError");
    expect(out.errors[0].message).toBe("virtual clock: deadlock (nothing ready and no timer scheduled)");
    expect(out.errors[0].frames).toEqual([{ file: "example.py", line: 6, column: 1, function: "<module>" }]);
    expect(out.errors[0].report).toBe(
      'Traceback (most recent call last):\n  File "example.py", line 6, in <module>\n    asyncio.run(main())\n' +
        "RuntimeError: virtual clock: deadlock (nothing ready and no timer scheduled)",
    );
    expect(out.end).toBe("done");
  });
});

describe("the loop's trace names the reader's lines", () => {
  const code = [
    "import asyncio",
    "",
    "async def child():",
    "    await asyncio.sleep(0.1)",
    "",
    "async def main():",
    "    loop = asyncio.get_running_loop()",
    "    loop.call_soon(print, 'soon')",
    "    task = asyncio.create_task(child())",
    "    later = loop.call_later(5, print, 'never')",
    "    later.cancel()",
    "    await task",
    "",
    "asyncio.run(main())",
  ].join("\n");

  it("schedule, create and cancel carry the line that called the loop; the loop's own events carry none", () => {
    const { events, text } = runPy(py, code, "virtual", true);
    expect(text).toBe("soon\n");
    const at = (pick: (e: (typeof events)[number]) => boolean): (number | undefined)[] =>
      events.filter(pick).map((e) => (e as { line?: number }).line);
    const scheduled = (name: string) => (e: (typeof events)[number]) => e.type === "schedule" && e.callback === name;
    expect(at(scheduled("print"))).toEqual([8, 10]);
    // main's task, child's, then the two asyncio.run makes as it shuts the loop down
    // (async generators, the default executor): all but child's come from line 14.
    expect(at((e) => e.type === "task-create")).toEqual([14, 9, 14, 14]);
    expect(at((e) => e.type === "cancel")).toEqual([11]);
    // sleep(0.1) schedules its timer from child's line 4; the loop waking the task (the
    // timer's callback, run by _run_once) is not the reader's doing: its wakeup has no line.
    expect(at((e) => e.type === "schedule" && e.callback === "_set_result_unless_cancelled")).toEqual([4]);
    expect(at((e) => e.type === "schedule" && e.callback.endsWith(".wakeup"))).toEqual([undefined, undefined]);
    for (const e of events) {
      if (e.type === "iteration" || e.type === "run" || e.type === "task-step" || e.type === "task-done") expect(e).not.toHaveProperty("line");
    }
  });
});

describe("the program's exit, as CPython shows it", () => {
  const python = findPython();
  const nested = "import asyncio\nasync def inner():\n    pass\nasync def main():\n    asyncio.run(inner())\nasyncio.run(main())\n";
  const kept = "async def inner():\n    pass\nx = inner()\nprint('end')\n";
  /** What python3 writes to stderr for `code`, after its traceback (if any). */
  const cpythonExit = (code: string): string[] => {
    const run = spawnSync(python!, ["-c", code], { encoding: "utf8" });
    return run.stderr.split("\n").filter((l) => l.startsWith("sys:1:"));
  };

  it("reports a coroutine never awaited when the program ends, after the traceback, as python3 does", () => {
    const run = runPy(py, nested);
    expect(run.messages.map((m) => m.type)).toEqual(["error", "output", "done"]);
    expect(run.errors[0].report).toMatch(/RuntimeError: asyncio.run\(\) cannot be called from a running event loop$/);
    expect(run.lines).toEqual([{ level: "error", text: "sys:1: RuntimeWarning: coroutine 'inner' was never awaited", time: null, cut: 0 }]);
    expect(runPy(py, kept).text).toBe("end\nsys:1: RuntimeWarning: coroutine 'inner' was never awaited\n");
    if (python) {
      expect(cpythonExit(nested)).toEqual(["sys:1: RuntimeWarning: coroutine 'inner' was never awaited"]);
      expect(cpythonExit(kept)).toEqual(["sys:1: RuntimeWarning: coroutine 'inner' was never awaited"]);
    }
  });

  it("runs the atexit functions at the exit, once, before the module's names are let go", () => {
    const code = "import atexit\nclass A:\n    def __del__(self):\n        print('del')\na = A()\na.me = a\natexit.register(print, 'bye')\nprint('end')\n";
    expect(runPy(py, code).text).toBe("end\nbye\ndel\n");
    if (python) expect(spawnSync(python, ["-c", code], { encoding: "utf8" }).stdout).toBe("end\nbye\ndel\n");
    expect(runPy(py, "print('next')\n").text).toBe("next\n");
  });

  it("runs a __del__ left for the exit, and nothing of one run shows in the next", () => {
    expect(runPy(py, "class A:\n    def __del__(self):\n        print('bye')\na = A()\na.me = a\nprint('end')\n").text).toBe("end\nbye\n");
    runPy(py, "async def f():\n    pass\ntry:\n    raise ValueError(f())\nexcept ValueError as e:\n    kept = e\n");
    expect(runPy(py, "print('next')\n").text).toBe("next\n");
  });
});

describe("what a program can see of its interpreter, as python3 shows it", () => {
  const python = findPython();
  it("has python3 to compare with (required under CI)", () => {
    expect(python !== null || !process.env.CI).toBe(true);
  });
  /** python3 running `code` saved as example.py, as the site names it. */
  const cpython = (code: string): { stdout: string; stderr: string } => {
    const dir = mkdtempSync(join(tmpdir(), "example-"));
    writeFileSync(join(dir, "example.py"), code);
    const run = spawnSync(python!, ["example.py"], { encoding: "utf8", cwd: dir });
    rmSync(dir, { recursive: true, force: true });
    return { stdout: run.stdout, stderr: run.stderr };
  };

  it("lists the frames of code the reader's file ran with exec() or eval() (<string>), as python3 does", () => {
    for (const code of ['def f():\n    exec("x = 1\\n1/0")\n\nf()\n', 'print(eval("[1][2]"))\n']) {
      const report = runPy(py, code).errors[0].report ?? "";
      expect(report).toMatch(/\n {2}File "<string>", line \d, in <module>\n\w+Error: /);
      // python3 names the script by its full path; the site, as example.py.
      if (python) expect(report).toBe(cpython(code).stderr.trimEnd().replace(/File "[^"]*\/example\.py"/g, 'File "example.py"'));
    }
    // The page marks the reader's own line, not the string's.
    expect(runPy(py, 'exec("1/0")\n').errors[0].frames).toEqual([{ file: "example.py", line: 1, column: 1, function: "<module>" }]);
  });

  it("refuses to print a lone surrogate and to print after sys.stdout.close(), as python3 does, keeping what came before", () => {
    for (const [code, error] of [
      ['print("ok")\nprint("\\ud800")\n', "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed"],
      ['import sys\nprint("a", end="")\nsys.stdout.close()\nprint("x")\n', "ValueError: I/O operation on closed file."],
    ]) {
      const run = runPy(py, code);
      expect(run.errors[0].report?.split("\n").at(-1)).toBe(error);
      if (python) {
        const real = cpython(code);
        expect(run.text).toBe(real.stdout.replace(/(?<!\n)$/, "\n"));
        expect(real.stderr.trimEnd().split("\n").at(-1)).toBe(error);
      }
    }
  });

  it("raises RecursionError at the depth python3 does (the runner's own frames not counted)", () => {
    const code = "def f(n):\n    return f(n + 1)\nf(0)\n";
    const repeated = (text: string) => /\[Previous line repeated (\d+) more times\]/.exec(text)?.[1];
    const site = repeated(runPy(py, code).errors[0].report ?? "");
    expect(site).toMatch(/^\d+$/);
    if (python) expect(site).toBe(repeated(cpython(code).stderr));
    // The limit is the program's while it runs, and the runner's again after.
    expect(runPy(py, "import sys\nprint(sys.getrecursionlimit())\n").text).toBe("1000\n");
    // A depth caught and printed, at the default limit and a raised and a lowered one, as python3 prints it.
    for (const limit of [1000, 3000, 25]) {
      const probe = `import sys\nsys.setrecursionlimit(${limit})\ndef f(n):\n    try:\n        return f(n + 1)\n    except RecursionError:\n        return n\nprint(f(1))\n`;
      const got = runPy(py, probe).text;
      expect(got).toBe(`${limit - 1}\n`);
      if (python) expect(cpython(probe).stdout).toBe(got);
    }
    // A limit too small to format a traceback with: the traceback is still shown.
    const tiny = runPy(py, "import sys\nsys.setrecursionlimit(10)\ndef f(n):\n    return f(n + 1)\nf(0)\n");
    expect(tiny.errors[0]?.name).toBe("RecursionError");
    expect(tiny.end).toBe("done");
  });

  it("names its file in sys.argv and writes UTF-8", () => {
    const code = "import sys\nprint(sys.argv, sys.stdout.encoding, sys.stderr.encoding)\n";
    expect(runPy(py, code).text).toBe("['example.py'] utf-8 utf-8\n");
    if (python) expect(cpython(code).stdout).toBe("['example.py'] utf-8 utf-8\n");
  });

  const reportOf = (p: CodeProblem | undefined): string => (p?.kind === "syntax" ? (p.report ?? "") : "");
  it("reports a syntax error (an IndentationError too) as python3 prints it", () => {
    for (const code of ['print("a")\nx = (1,\n  2\nprint(x)\n', "def f():\nreturn 1\n", "if True:\n    x = 1\n      y = 2\n"]) {
      const report = reportOf(runPy(py, code).problems[0]);
      expect(report).toMatch(/^ {2}File "example\.py", line \d+\n/);
      if (python) expect(report).toBe(cpython(code).stderr.replace(/File "[^"]*example\.py"/, 'File "example.py"').trimEnd());
    }
    // The compiler's errors (not the parser's) show their line and caret too.
    for (const code of ['print("a")\nawait x\n', "def f(a, a):\n    pass\n"]) {
      const report = reportOf(runPy(py, code).problems[0]);
      expect(report.split("\n")).toHaveLength(4);
      if (python) expect(report).toBe(cpython(code).stderr.replace(/File "[^"]*example\.py"/, 'File "example.py"').trimEnd());
    }
    expect(reportOf(runPy(py, "def f():\nreturn 1\n").problems[0])).toMatch(/\nIndentationError: expected an indented block after function definition on line 1$/);
  });

  it("ends a NameError or AttributeError with python3's \"Did you mean\" suggestion", () => {
    const cases = [
      "import asyncio\n\nasync def main():\n    prnt('hi')\n\nasyncio.run(main())\n",
      "import asyncio\n\nasync def main():\n    await asyncio.slep(1)\n\nasyncio.run(main())\n",
      "class C:\n    colour = 1\n\nprint(C().color)\n",
    ];
    for (const code of cases) {
      const [error] = runPy(py, code).errors;
      const last = cpython(code).stderr.trimEnd().split("\n").at(-1) ?? "";
      expect(last, code).toMatch(/\. Did you mean: '\w+'\?$/);
      expect(error.report?.split("\n").at(-1), code).toBe(last);
      expect(`${error.name}: ${error.message}`, code).toBe(last);
    }
    // No suggestion to make: the line is the exception's own.
    const [plain] = runPy(py, "print(undefined_name_xyz)\n").errors;
    expect(plain.report?.split("\n").at(-1)).toBe("NameError: name 'undefined_name_xyz' is not defined");
  });

  it("ends with the exit status python3 would exit with, when not 0", () => {
    const last = (code: string) => runPy(py, code).messages.at(-1);
    expect(last("import sys\nsys.exit()\n")).toEqual({ type: "done" });
    expect(last("raise SystemExit(3)\n")).toEqual({ type: "done", status: 3 });
    const said = runPy(py, 'import sys\nsys.exit("bye")\n');
    expect([said.text, said.messages.at(-1)]).toEqual(["bye\n", { type: "done", status: 1 }]);
    if (python) {
      const rc = (code: string) => spawnSync(python, ["-c", code], { encoding: "utf8" }).status;
      expect([rc("import sys\nsys.exit()\n"), rc("raise SystemExit(3)\n"), rc('import sys\nsys.exit("bye")\n')]).toEqual([0, 3, 1]);
    }
    // What the shell sees: modulo 256, True is 1, past a C long is 255.
    expect(last("import sys\nsys.exit(True)\n")).toEqual({ type: "done", status: 1 });
    expect(last("import sys\nsys.exit(256)\n")).toEqual({ type: "done" });
    expect(last("import sys\nsys.exit(-1)\n")).toEqual({ type: "done", status: 255 });
    expect(last("import sys\nsys.exit(2**70)\n")).toEqual({ type: "done", status: 255 });
    if (python) {
      const rc = (code: string) => spawnSync(python, ["-c", code], { encoding: "utf8" }).status;
      expect(["True", "256", "-1", "2**70"].map((c) => rc(`import sys\nsys.exit(${c})\n`))).toEqual([1, 0, 255, 255]);
    }
    expect(exitStatus(new Error("Exit: Program terminated with exit(4)"))).toBe(4);
    expect(exitStatus(new Error("RangeError: Maximum call stack size exceeded"))).toBeNull();
  });

  it("ends a failed to_thread on its own error, marked on the reader's call, as python3 ends it", () => {
    const code = "import asyncio\nasync def main():\n    await asyncio.to_thread(print, 1)\nasyncio.run(main())\n";
    const [error] = runPy(py, code).errors;
    expect(error.report).not.toContain("During handling");
    expect(error.frames.at(-1)?.line).toBe(3);
    expect(error.hint).toBe("thread");
  });

  it("keeps the frames of a chained block raised wholly inside asyncio, with its Traceback line", () => {
    const code = "import asyncio\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(1), 0.1)\nasyncio.run(main())\n";
    const report = runPy(py, code).errors[0].report ?? "";
    const first = report.split("\n\nThe above exception was the direct cause of the following exception:\n\n")[0];
    expect(first).toMatch(/^Traceback \(most recent call last\):\n {2}File "\/lib\/python311\.zip\/asyncio\/tasks\.py", line \d+, in wait_for\n[\s\S]*\nasyncio\.exceptions\.CancelledError$/);
    if (python) expect(cpython(code).stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "[^"]+\/asyncio\/tasks\.py", line \d+, in wait_for\n/);
  });

  it("moves the virtual clock by what time.sleep blocked, so debug mode sees a slow callback", () => {
    const code = [
      "import asyncio, time",
      "async def main():",
      "    loop = asyncio.get_running_loop()",
      "    t0 = loop.time()",
      "    time.sleep(0.2)",
      '    print(f"blocked {loop.time() - t0:.1f}")',
      "asyncio.run(main(), debug=True)",
      "",
    ].join("\n");
    const site = runPy(py, code);
    // Task-N: this one interpreter runs every test's program (the page starts a fresh one per run).
    expect(site.text).toMatch(/^blocked 0\.2\nExecuting <Task finished name='Task-\d+' coro=<main\(\) done, defined at example\.py:2> result=None created at [^>]+> took 0\.200 seconds\n$/);
    if (python) {
      const real = cpython(code);
      expect(real.stdout).toBe("blocked 0.2\n");
      expect(real.stderr).toMatch(/^Executing <Task finished name='Task-1' coro=<main\(\) done, defined at [^>]*example\.py:2> result=None created at [^>]+> took 0\.2\d\d seconds\n$/);
    }
  });
});

describe("errors a learner can read", () => {
  it("a traceback names example.py with the reader's lines and no runner or Pyodide frame", () => {
    const out = runPy(py, `import asyncio

async def divide(a, b):
    await asyncio.sleep(1)
    return a / b

asyncio.run(divide(1, 0))
`);
    const [error] = out.errors;
    expect(error.name).toBe("ZeroDivisionError");
    expect(error.report).toBe([
      "Traceback (most recent call last):",
      '  File "example.py", line 7, in <module>',
      "    asyncio.run(divide(1, 0))",
      '  File "example.py", line 5, in divide',
      "    return a / b",
      "           ~~^~~",
      "ZeroDivisionError: division by zero",
    ].join("\n"));
    expect(error.frames).toEqual([
      { file: "example.py", line: 7, column: 1, function: "<module>" },
      { file: "example.py", line: 5, column: 12, function: "divide" },
    ]);
    expect(error.report).not.toMatch(/pyodide|asyncio_notes|\.zip/);
  });

  it("columns count characters, not UTF-8 bytes", () => {
    const error = runPy(py, 's = "한국어 텍스트"; n = 1 / 0\n').errors[0];
    expect(error.frames.at(-1)).toMatchObject({ line: 1, column: 20 });
    expect(checkSyntax(py, 's = "한국어"; x = )\n')).toMatchObject({ line: 1, column: 16 });
  });

  it("a syntax error is found by compiling alone, with line and column, and nothing runs", () => {
    const problem = checkSyntax(py, 'print("ran")\nx = (1,\n  2\nprint(x)\n');
    expect(problem).toMatchObject({ kind: "syntax", text: "'(' was never closed", line: 2, column: 5 });
    expect(checkSyntax(py, source("hello-asyncio"))).toBeNull();
    const run = runPy(py, 'print("ran")\ndef f(:\n');
    expect(run.text).toBe("");
    expect(run.end).toBe("problems");
    expect(run.problems).toEqual([{ kind: "syntax", text: "invalid syntax", line: 2, column: 7, report: '  File "example.py", line 2\n    def f(:\n          ^\nSyntaxError: invalid syntax' }]);
  });

  it("an unhandled task exception prints what CPython prints", () => {
    const out = runPy(py, `import asyncio

async def boom():
    raise ValueError("x")

async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.1)

asyncio.run(main())
`);
    expect(out.errors).toEqual([]);
    expect(out.lines.every((l) => l.level === "error")).toBe(true);
    expect(out.text).toMatch(/^Task exception was never retrieved\nfuture: <Task finished name='Task-\d+' coro=<boom\(\) done, defined at example\.py:3> exception=ValueError\('x'\)>\nTraceback \(most recent call last\):\n {2}File "example\.py", line 4, in boom\n/);
  });

  it("explains what a browser cannot do: a missing module, input(), threads, the network", () => {
    const missing = runPy(py, "import requests\n").errors[0];
    expect([missing.name, missing.hint, missing.module]).toEqual(["ModuleNotFoundError", "module", "requests"]);
    expect(missing.message).toBe("No module named 'requests'");
    const input = runPy(py, 'name = input("name? ")\n').errors[0];
    expect([input.name, input.hint]).toEqual(["EOFError", "input"]);
    const thread = runPy(py, "import threading\nthreading.Thread(target=print).start()\n").errors[0];
    expect([thread.name, thread.hint]).toEqual(["RuntimeError", "thread"]);
    const net = runPy(py, 'import urllib.request\nurllib.request.urlopen("http://example.com")\n').errors[0];
    expect(net.hint).toBe("network");
    // The reader's block shows the reader's frames only; the block raised wholly inside
    // urllib keeps its own, as CPython prints them (else it would lose its Traceback line).
    const blocks = (net.report ?? "").split("\nDuring handling of the above exception, another exception occurred:\n");
    expect(blocks.at(-1)).not.toMatch(/urllib\/request\.py/);
    expect(blocks.at(-1)).toMatch(/^\nTraceback \(most recent call last\):\n {2}File "example\.py", line 2, in <module>\n/);
    expect(blocks[0]).toMatch(/^Traceback \(most recent call last\):\n {2}File "\/lib\/python311\.zip\/urllib\/request\.py"/);
    const sock = runPy(py, 'import asyncio\nasync def main():\n    await asyncio.open_connection("example.com", 80)\nasyncio.run(main())\n').errors[0];
    expect(sock.hint).toBe("network");
    // Standard library, left out of the browser's CPython: said so, not called a package.
    const left = runPy(py, "import sqlite3\n").errors[0];
    expect([left.name, left.hint, left.module]).toEqual(["ModuleNotFoundError", "stdlib", "sqlite3"]);
    // A timeout is the program's own, though it passes through the loop: no hint.
    const late = runPy(py, "import asyncio\nasync def main():\n    await asyncio.wait_for(asyncio.sleep(1), 0.1)\nasyncio.run(main())\n").errors[0];
    expect([late.name, late.hint]).toEqual(["TimeoutError", undefined]);
    const toThread = runPy(py, "import asyncio\nasync def main():\n    await asyncio.to_thread(print, 1)\nasyncio.run(main())\n").errors[0];
    expect([toThread.name, toThread.hint]).toEqual(["RuntimeError", "thread"]);
  });

  it("says the stack ran out when awaits nest deeper than the wasm stack (before CPython's RecursionError)", async () => {
    // A fresh interpreter: the overflow brings CPython down, as it does the page's worker.
    const own = await loadRunner();
    let thrown: unknown = null;
    try {
      runPy(own, "import asyncio\nasync def f(n):\n    return await f(n + 1)\nasyncio.run(f(0))\n");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).not.toBeNull();
    expect(crashFailure(thrown)).toEqual({ key: "pythonStack", detail: String(thrown) });
    expect(crashFailure(new Error("unreachable")).key).toBe("workerCrashed");
  }, 60_000);

  it("deep recursion ends with CPython's RecursionError, repeated frames folded", () => {
    const out = runPy(py, "def f(n):\n    return f(n + 1)\nf(0)\n");
    const [error] = out.errors;
    expect(error.name).toBe("RecursionError");
    expect(error.report).toMatch(/\[Previous line repeated \d+ more times\]\nRecursionError: maximum recursion depth exceeded$/);
    expect(out.end).toBe("done");
  });
});

describe("limits", () => {
  it("stops at the line limit and says so", () => {
    const out = runPy(py, "i = 0\nwhile True:\n    print(i)\n    i += 1\n");
    expect(out.lines).toHaveLength(PYTHON_LIMITS.lines);
    expect(out.lines.at(-1)?.text).toBe(String(PYTHON_LIMITS.lines - 1));
    expect(out.end).toBe("limit");
    expect(out.messages.at(-1)).toEqual({ type: "limit", limit: "lines" });
  });

  it("cuts one huge line before it reaches JavaScript and counts what it cut", () => {
    const out = runPy(py, 'print("x" * 50_000_000)\nprint("after")\n');
    expect(out.lines[0].text).toHaveLength(PYTHON_LIMITS.lineChars);
    expect(out.lines[0].cut).toBe(50_000_000 - PYTHON_LIMITS.lineChars);
    expect(out.lines[1]).toEqual({ level: "log", text: "after", time: null, cut: 0 });
    const big = runPy(py, "print(list(range(10**6)))\n");
    expect(big.lines[0].text.startsWith("[0, 1, 2, 3")).toBe(true);
    expect(big.lines[0].text.length + big.lines[0].cut).toBe(`[${Array.from({ length: 1e6 }, (_, i) => i).join(", ")}]`.length);
  });

  it("stops at the byte limit of a run", () => {
    const out = runPy(py, 'for i in range(1000):\n    print("y" * 5000)\n');
    expect(out.messages.at(-1)).toEqual({ type: "limit", limit: "chars" });
    const total = out.lines.reduce((n, l) => n + l.text.length + 1, 0);
    expect(total).toBeGreaterThanOrEqual(PYTHON_LIMITS.chars);
    expect(total).toBeLessThan(PYTHON_LIMITS.chars + PYTHON_LIMITS.lineChars + 2);
  });

  it("a program that catches BaseException cannot print past the limit", () => {
    // (In the browser the page ends the worker at the limit message; here the loop ends by itself.)
    const out = runPy(py, 'for i in range(30_000):\n    try:\n        print("z")\n    except BaseException:\n        pass\n');
    expect(out.lines).toHaveLength(PYTHON_LIMITS.lines);
    expect(out.messages.filter((m) => m.type === "limit")).toHaveLength(1);
  });
});

describe("the real clock", () => {
  it("sleeps take real time without spinning a core, and lines carry the loop time", () => {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const out = runPy(py, `import asyncio, time
async def main():
    print("start")
    await asyncio.sleep(0.3)
    print("slept")
    time.sleep(0.2)
    print("blocked")
asyncio.run(main())
`, "real");
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    expect(out.text).toBe("start\nslept\nblocked\n");
    expect(wall).toBeGreaterThanOrEqual(500);
    expect((used.user + used.system) / 1000).toBeLessThan(wall / 2);
    const [a, b, c] = out.lines.map((l) => l.time ?? -1);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(0.1);
    expect(b).toBeGreaterThanOrEqual(0.3);
    expect(c).toBeGreaterThanOrEqual(0.5);
  });

  it("a first never-awaited warning imports nothing while the clock runs, so it delays no later line", async () => {
    // In WebAssembly the import behind CPython's "Enable tracemalloc" line took 0.06-0.17 s.
    const fresh = await loadRunner();
    const out = runPy(fresh, `import asyncio, sys
async def f():
    pass
async def main():
    before = set(sys.modules)
    f()
    print(sorted(set(sys.modules) - before))
asyncio.run(main())
`, "real");
    expect(out.lines.filter((l) => l.level === "log").map((l) => l.text)).toEqual(["[]"]);
    expect(out.lines.filter((l) => l.level === "error").map((l) => l.text)).toContain("RuntimeWarning: Enable tracemalloc to get the object allocation traceback");
  }, 60_000);

  it("virtual-clock lines carry the virtual time", () => {
    const out = runPy(py, "import asyncio\nasync def main():\n    await asyncio.sleep(2.5)\n    print('late')\nprint('before')\nasyncio.run(main())\n");
    expect(out.lines.map((l) => [l.text, l.time])).toEqual([["before", null], ["late", 2.5]]);
  });
});

describe("the standard library the site ships (bytecode added at build time)", () => {
  it("every stdlib module a start and the examples import comes from its .pyc, which CPython accepted", async () => {
    // A fresh interpreter: the tests above import more (urllib, threads) than any example.
    const fresh = await loadRunner();
    for (const id of ids) runPy(fresh, source(id), "virtual", true);
    const out = runPy(fresh, `
import sys
zip_modules = {n: m.__file__ for n, m in sys.modules.items() if (getattr(m, "__file__", None) or "").startswith("/lib/python311.zip/")}
print(len(zip_modules))
print(sorted(n for n, f in zip_modules.items() if not f.endswith(".pyc")))
`).text.split("\n");
    // asyncio's submodules alone are more than 25; none fell back to compiling its source.
    expect(Number(out[0])).toBeGreaterThan(60);
    expect(out[1]).toBe("[]");
  }, 60_000);

  it("stdlib frames still name the .py and show its source lines", () => {
    const out = runPy(py, `
import asyncio, linecache, traceback
try:
    asyncio.run(1)
except ValueError as exc:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    print(frame.filename)
    print(frame.line)
    print(asyncio.runners.__file__)
`).text.split("\n");
    expect(out[0]).toBe("/lib/python311.zip/asyncio/runners.py");
    expect(out[1]).toMatch(/^raise ValueError\("a coroutine was expected/);
    expect(out[2]).toBe("/lib/python311.zip/asyncio/runners.pyc");
  });
});
