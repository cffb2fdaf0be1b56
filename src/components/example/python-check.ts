/**
 * Syntax errors in the Python editor, marked before Run: a pause after typing compiles
 * the code in a booted Python worker (CPython's own `compile()`, nothing runs) and marks
 * what it finds. Only once CPython is in the page (after the reader's first Python run):
 * a check never downloads it. A Run supersedes a check still to come: the run marks.
 *
 *   watchPythonSyntax(session, pythonCodeBox);
 */
import type { CodeBox } from "./code-box";
import { byReader, type RunSession } from "./session";

const PAUSE_MS = 400;

export function watchPythonSyntax(session: RunSession, box: CodeBox): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;
  session.listen((change) => {
    // A Python run compiles the code itself and marks what it finds (a syntax error, or
    // the line an exception came from): a check still pending would clear that mark.
    if (change.type === "start" && change.language === "py") {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      asked++;
      return;
    }
    if (change.type !== "code" || change.language !== "py" || !byReader(change.source)) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      const ticket = ++asked;
      const code = session.code("py");
      void import("../../runner/py-runtime").then(async ({ checkPython }) => {
        const problem = await checkPython(code);
        // Only the newest check counts, and only while the code is still what was checked.
        if (problem === undefined || ticket !== asked || session.code("py") !== code) return;
        box.showProblems(problem ? [problem] : []);
      });
    }, PAUSE_MS);
  });
}
