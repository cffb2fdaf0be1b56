/**
 * Pyodide in Node, with the browser runner's Python modules installed: the same code
 * the sandbox worker runs (src/runner/python/host.ts), minus the worker, on the same
 * standard library the site ships (with bytecode: src/runner/build/python-stdlib.ts).
 * Load once per test file (about 2.5 s; the first load after a change to the runner's
 * Python also makes that library, a few seconds more).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide, type PyodideInterface } from "pyodide";
import type { Clock } from "../../src/runner/protocol";
import { checkSyntax, installRunner, makeWait, runProgram, RUNNER_MODULES, type RunnerSources } from "../../src/runner/python/host";
import { precompiledStdlib } from "../../src/runner/build/python-stdlib";
import type { CodeProblem, OutputLine, RunError } from "../../src/runner/protocol";
import type { FromPythonWorker } from "../../src/runner/python/protocol";
import type { TraceEvent } from "../../src/visualizer/trace";

const require = createRequire(import.meta.url);
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SRC = join(ROOT, "src/runner/python");

/** The site's python_stdlib.zip, written where Pyodide's Node loader can read it. */
export async function shippedStdlib(): Promise<{ path: string; precompiled: string[] }> {
  const { zip, precompiled } = await precompiledStdlib(ROOT);
  const path = join(mkdtempSync(join(tmpdir(), "asyncio-notes-stdlib-")), "python_stdlib.zip");
  writeFileSync(path, zip);
  return { path, precompiled };
}

export async function loadRunner(stdLibURL?: string): Promise<PyodideInterface> {
  const py = await loadPyodide({
    indexURL: `${dirname(require.resolve("pyodide/pyodide.mjs"))}/`,
    stdLibURL: stdLibURL ?? (await shippedStdlib()).path,
  });
  const sources = Object.fromEntries(RUNNER_MODULES.map((name) => [name, readFileSync(join(SRC, `${name}.py`), "utf8")]));
  installRunner(py, sources as RunnerSources);
  return py;
}

export interface PyRun {
  messages: FromPythonWorker[];
  lines: OutputLine[];
  /** stdout and stderr joined, one "\n" after every line (what a terminal shows). */
  text: string;
  errors: RunError[];
  problems: CodeProblem[];
  events: TraceEvent[];
  end: FromPythonWorker["type"] | undefined;
}

const wait = makeWait();

export function runPy(py: PyodideInterface, code: string, clock: Clock = "virtual", trace = false): PyRun {
  const messages: FromPythonWorker[] = [];
  runProgram(py, code, { clock, trace, wait, post: (m) => messages.push(m) });
  const lines = messages.flatMap((m) => (m.type === "output" ? m.lines : []));
  return {
    messages,
    lines,
    text: lines.map((l) => `${l.text}\n`).join(""),
    errors: messages.flatMap((m) => (m.type === "error" ? [m.error] : [])),
    problems: messages.flatMap((m) => (m.type === "problems" ? m.problems : [])),
    events: messages.flatMap((m) => (m.type === "trace" ? m.events : [])),
    end: messages.at(-1)?.type,
  };
}

export { checkSyntax };
