/**
 * What a Python program sees of where it runs, compared with `python3 example.py` on a
 * terminal: no frame of the runner below its `<module>`, a real `__main__`, its file on
 * disk, its output in the order a terminal shows it, and an exit in CPython's order.
 * python3 runs unbuffered with stderr merged into stdout (`-u`, `2>&1`), which is the
 * order a terminal shows for every program here (each partial line is flushed).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PyodideInterface } from "pyodide";
import { beforeAll, describe, expect, it } from "vitest";
import { makeWait, runProgram } from "../../src/runner/python/host";
import type { FromPythonWorker } from "../../src/runner/python/protocol";
import { findPython } from "../harness/python";
import { loadRunner, runPy, shippedStdlib, type PyRun } from "./pyodide-node";

let py: PyodideInterface;
beforeAll(async () => {
  py = await loadRunner();
}, 60_000);

const python = findPython();

/** What a terminal shows for `python3 example.py` (the script's path shortened to example.py, addresses masked), and its status. */
function terminal(code: string): { text: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), "example-"));
  writeFileSync(join(dir, "example.py"), code);
  const run = spawnSync("sh", ["-c", `"${python}" -u example.py 2>&1`], { encoding: "utf8", cwd: dir });
  rmSync(dir, { recursive: true, force: true });
  return { text: masked(run.stdout.replaceAll(`${dir}/example.py`, "example.py")), status: run.status };
}

/** What the page shows: the output lines, the traceback where its message came, and the times of unittest masked. */
function page(run: PyRun): string {
  const shown = run.messages.flatMap((m) =>
    m.type === "output" ? m.lines.map((l) => `${l.text}\n`) : m.type === "error" ? [`${m.error.report}\n`] : [],
  );
  return masked(shown.join(""));
}

/** A program from its lines, ending in a newline as a file does. */
const program = (...lines: string[]): string => `${lines.join("\n")}\n`;

const masked = (text: string): string => text.replace(/0x[0-9a-f]+/g, "0x…").replace(/in \d+\.\d+s/g, "in …s");

describe("no frame of the runner is below the program's", () => {
  it("a warning at stacklevel 2, a printed stack and the frame's f_back are python3's", () => {
    const code = program(
      "import sys, traceback, warnings",
      "print(sys._getframe().f_back)",
      "warnings.warn('too high', stacklevel=2)",
      "def f():",
      "    traceback.print_stack()",
      "f()",
    );
    const run = runPy(py, code);
    expect(run.text).toContain("None\nsys:1: UserWarning: too high\n");
    expect(run.text).not.toContain("asyncio_notes");
    if (python) expect(page(run)).toBe(terminal(code).text);
  });

  it("a never-awaited coroutine held by the traceback is reported after it, at sys:1, as python3 reports it", () => {
    const code = "async def fetch():\n    return 1\ndef main():\n    c = fetch()\n    return c + 1\nmain()\n";
    const run = runPy(py, code);
    expect(run.messages.map((m) => m.type)).toEqual(["error", "output", "done"]);
    expect(run.text).toBe("sys:1: RuntimeWarning: coroutine 'fetch' was never awaited\n");
    if (python) expect(page(run)).toBe(terminal(code).text);
  });

  it("debug mode's 'created at' starts at the program's <module>, as python3's does", () => {
    const code = program(
      "import asyncio",
      "async def fetch():",
      "    pass",
      "async def main():",
      "    fetch()",
      "asyncio.run(main(), debug=True)",
    );
    const run = runPy(py, code);
    expect(run.text).toContain('Coroutine created at (most recent call last)\n  File "example.py", line 6, in <module>\n');
    expect(run.text).not.toContain("asyncio_notes");
    // The standard library's frames: each interpreter keeps its files elsewhere, numbers
    // their lines by its own patch release, and Pyodide's zip misses a source line or two.
    const stdlib = (text: string) => text.replace(/File "[^"]*\/asyncio\/(\w+\.py)", line \d+, in (\w+)\n(?: {4}.*\n)?/g, "asyncio/$1 $2\n");
    if (python) expect(stdlib(page(run))).toBe(stdlib(terminal(code).text));
  });
});

describe("__main__ is the program's module", () => {
  it("holds the program's names, so pickle, doctest and unittest find them", () => {
    const code = program(
      "import __main__, pickle, doctest",
      "class P:",
      "    pass",
      "def double(n):",
      '    """',
      "    >>> double(2)",
      "    5",
      '    """',
      "    return n * 2",
      "print(__main__.__dict__ is globals(), sorted(k for k in globals() if k.startswith('__') and k != '__main__'))",
      "print(type(pickle.loads(pickle.dumps(P()))) is P)",
      "print(doctest.testmod().attempted)",
    );
    const run = runPy(py, code);
    expect(run.text).toMatch(/^True \['__annotations__', '__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__name__', '__package__', '__spec__'\]\n/);
    expect(run.text).toMatch(/\nTrue\n[\s\S]*\n1\n$/);
    if (python) expect(page(run)).toBe(terminal(code).text);
  });

  it("unittest.main() runs the program's tests and exits 1 when one fails, as python3 does", () => {
    const code = program(
      "import unittest",
      "class T(unittest.TestCase):",
      "    def test_sum(self):",
      "        self.assertEqual(1 + 1, 3)",
      "unittest.main()",
    );
    const run = runPy(py, code);
    expect(run.text).toContain("FAILED (failures=1)");
    expect(run.messages.at(-1)).toEqual({ type: "done", status: 1 });
    if (python) {
      const real = terminal(code);
      expect(real.status).toBe(1);
      expect(page(run)).toBe(real.text);
    }
    // The next program has a __main__ of its own.
    expect(runPy(py, "print('T' in globals(), __name__)\n").text).toBe("False __main__\n");
  });
});

describe("the program's file is on disk, as example.py", () => {
  it("the C traceback printer shows its lines in an 'Exception ignored in' report", () => {
    const code = "class R:\n    def __del__(self):\n        1 / 0\nR()\nprint('after')\n";
    const run = runPy(py, code);
    expect(run.text).toContain('  File "example.py", line 3, in __del__\n    1 / 0\n    ~~^~~\n');
    if (python) expect(page(run)).toBe(terminal(code).text);
  });

  it("the program can read itself", () => {
    const code = "print(open(__file__).read() == open('example.py').read(), __file__)\n";
    expect(runPy(py, code).text).toBe("True example.py\n");
  });
});

describe("output in a terminal's order", () => {
  it("a flushed partial line comes before what the other stream writes next; the page breaks the line there", () => {
    const code = "import sys\nprint('loading...', end='', flush=True)\nprint('warning', file=sys.stderr)\nprint('done')\n";
    const run = runPy(py, code);
    expect(run.lines.map((l) => [l.level, l.text])).toEqual([["log", "loading..."], ["error", "warning"], ["log", "done"]]);
    if (python) expect(terminal(code).text).toBe("loading...warning\ndone\n");
  });

  it("a line flushed piece by piece on one stream stays one line", () => {
    const code = "for i in range(3):\n    print('.', end='', flush=True)\nprint(' done')\n";
    expect(runPy(py, code).text).toBe("... done\n");
    if (python) expect(terminal(code).text).toBe("... done\n");
  });

  it("sys.exit's message comes after the partial line python3 flushes first", () => {
    const code = "import sys\nprint('partial', end='')\nsys.exit('fatal')\n";
    const run = runPy(py, code);
    expect(run.lines.map((l) => [l.level, l.text])).toEqual([["log", "partial"], ["error", "fatal"]]);
    expect(run.messages.at(-1)).toEqual({ type: "done", status: 1 });
    if (python) expect(terminal(code)).toEqual({ text: "partialfatal\n", status: 1 });
  });

  it("what an atexit function prints continues the line the program left unfinished", () => {
    const code = "import atexit\natexit.register(lambda: print(' <- atexit'))\nprint('main partial', end='')\n";
    expect(runPy(py, code).text).toBe("main partial <- atexit\n");
    if (python) expect(terminal(code).text).toBe("main partial <- atexit\n");
  });
});

describe("errors the runner must survive", () => {
  it("an exception whose __str__ raises is reported as python3 reports it", () => {
    const code = "class Weird(Exception):\n    def __str__(self):\n        raise RuntimeError('no str')\nprint('before')\nraise Weird()\n";
    const run = runPy(py, code);
    expect(run.errors[0]).toMatchObject({ name: "Weird", message: "<exception str() failed>" });
    expect(run.messages.at(-1)).toEqual({ type: "done" });
    if (python) expect(page(run)).toBe(terminal(code).text);
  });

  it("a program's tiny recursion limit still leaves room for its traceback, and a refused one names python3's numbers", () => {
    for (const code of [
      "import sys\nsys.setrecursionlimit(10)\nprint('low')\n1/0\n",
      "import sys\nsys.setrecursionlimit(1)\n",
      "import sys\ndef f():\n    sys.setrecursionlimit(2)\nf()\n",
    ]) {
      const run = runPy(py, code);
      expect(run.errors).toHaveLength(1);
      expect(run.text).not.toContain("Pyodide");
      if (python) expect(page(run)).toBe(terminal(code).text);
    }
  });

  it("os._exit() keeps every line printed before it", async () => {
    // os._exit ends this interpreter: a fresh one.
    const own = await loadRunner((await shippedStdlib()).path);
    const messages: FromPythonWorker[] = [];
    let thrown: unknown = null;
    try {
      runProgram(own, "import os\nfor i in range(300):\n    print('line', i)\nos._exit(3)\n", {
        clock: "virtual",
        trace: false,
        wait: makeWait(),
        post: (m) => messages.push(m),
      });
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toMatch(/Program terminated with exit\(3\)/);
    const lines = messages.flatMap((m) => (m.type === "output" ? m.lines.map((l) => l.text) : []));
    expect(lines).toHaveLength(300);
    expect(lines.at(-1)).toBe("line 299");
  }, 60_000);
});
