/**
 * One awake example: builds its run session (./session.ts) and the parts that read and
 * change it, each in its own module over the server-rendered markup:
 *
 *   ./code-box.ts       the code, the editor (CodeMirror, on first focus), error marks
 *                       (one per language: the TypeScript twin and the Python original)
 *   ./python-check.ts   Python syntax errors marked before Run
 *   ./compare-view.ts   "Compare TS and Python": both outputs side by side
 *   ./output-view.ts    printed lines, errors, how the run ended, the status line
 *   ./loop-view.ts      "See the loop" and the visualizer's panel
 *   ./share-restore.ts  share links, saved edits, the playground's `?example=`
 *   ./autosave.ts       saving edits as the reader types
 *   ./run-mark.ts       a run the page did not outlive (a program that filled the heap)
 *   ./copy-code.ts      the Copy button
 *   ./carry-link.ts     "Open in the playground" (and an embed's "View on its page"),
 *                       with the tab and the edit shown
 *
 * Here: the Run/Stop/Reset/Share buttons, Ctrl+Enter, and `data-state`. Loaded by
 * ./island.ts when the example nears the viewport; the runtime (src/runner/runtimes.ts)
 * comes with it, the bundler on the first edit, the visualizer on "See the loop".
 */
import type { RunnerKey } from "../../i18n/runner";
import type { Lang } from "../../i18n/lang";
import { runnerPaths } from "../../runner/paths";
import type { Clock, Language } from "../../runner/protocol";
import { whenIdle } from "../../lib/idle";
import { Autosave } from "./autosave";
import { CodeBox } from "./code-box";
import { CompareView } from "./compare-view";
import { CopyCode } from "./copy-code";
import { LoopView } from "./loop-view";
import { Notice } from "./notice";
import { OutputView, primeOutputFonts } from "./output-view";
import { followOutput } from "./embed-follow";
import { CarryLink } from "./carry-link";
import { watchPythonSyntax } from "./python-check";
import { RunMark } from "./run-mark";
import { RunSession } from "./session";
import { ShareRestore } from "./share-restore";
import { ShareKit } from "./share-kit";
import { dropReset, keepReset, loadReset } from "./saved-edits";
import { activeLang, button, exampleTitle, part, say } from "./words";

/** Notices about the shown tab's edit: switching tabs takes them away. */
const PER_TAB = new Set<RunnerKey>(["edited", "originalChanged", "resetDone", "otherTab"]);

function readClock(root: HTMLElement): Clock {
  const checked = root.querySelector<HTMLInputElement>(".ex-clock input:checked");
  return checked?.value === "real" ? "real" : "virtual";
}

/** Wakes one `<asyncio-example>`; called by the island. */
export function attach(root: HTMLElement): RunSession {
  const data = root.dataset;
  const playground = data.variant === "playground";
  const id = data.id ?? "";
  const tsBox = part(root, "code");
  const pyPre = root.querySelector<HTMLElement>(".ex-code--py pre");
  const session = new RunSession({
    id,
    hash: data.hash ?? "",
    originals: {
      ts: playground ? "" : (tsBox.querySelector("pre")?.textContent ?? ""),
      py: pyPre?.textContent ?? "",
    },
    prebuiltId: playground ? null : id,
    storageId: playground ? "playground:" : id,
    runtime: { paths: runnerPaths(data.base ?? "/", data.build ?? ""), esbuildVersion: data.esbuild ?? "" },
    clock: () => readClock(root),
  });
  const buttons = {
    run: button(root, "run"),
    stop: button(root, "stop"),
    reset: button(root, "reset"),
    share: button(root, "share"),
  };
  /** Stop and Reset disable themselves once used: the keyboard's focus goes on to Run, not to the page. */
  const disable = (b: HTMLButtonElement, disabled: boolean): void => {
    const focused = disabled && document.activeElement === b;
    b.disabled = disabled;
    if (focused) buttons.run.focus();
  };
  const notice = new Notice(part(root, "notice"));
  const mark = new RunMark(id);
  const crashed = mark.crashed();
  const start = (): void => void session.start();
  const title = (lang: Lang): string => exampleTitle(root, lang) || id;
  // Offline before the editor was ever cached: said, and unsaid once it loads.
  const editorLoaded = (ok: boolean): void => {
    if (!ok) notice.show("editorFailed");
    else if (notice.key === "editorFailed") notice.hide();
  };
  const code = new CodeBox(session, "ts", tsBox, { title, onRun: start, editorLoaded });
  const pyBox = root.querySelector<HTMLElement>(".ex-code--py");
  const pyCode = pyBox ? new CodeBox(session, "py", pyBox, { title, onRun: start, editorLoaded }) : null;
  if (pyCode) watchPythonSyntax(session, pyCode);
  const compare = root.querySelector<HTMLButtonElement>('[data-act="compare"]');
  // While a comparison runs, Stop stops it (its two runs are its own, not the session's).
  const comparison = compare
    ? new CompareView(session, compare, part(root, "compare"), (busy) => {
        // Both runs run the tabs' code as it is now: saved first, as a Run saves it.
        if (busy) autosave.saveNow();
        mark.hold("compare", busy);
        disable(buttons.stop, !busy && session.state !== "running");
      })
    : null;
  const output = new OutputView(session, part(root, "out-wrap"), part(root, "out"), part(root, "status"));
  if (data.variant === "embed") followOutput(session, part(root, "out-wrap"));
  // The output's fonts, looked up while the page is idle rather than in the first run.
  whenIdle(() => primeOutputFonts(part(root, "out-wrap")), 3000);
  new LoopView(session, button(root, "loop"), part(root, "loop"), root, (then) => output.whenDrained(then));
  const copier = new CopyCode(session, button(root, "copy"), part(root, "copied"), notice, (lang) => (lang === "py" ? pyCode : code));
  const autosave = new Autosave(session, notice, (language) => copier.copy(language));
  const links = new ShareRestore(session, root, notice, (language) => copier.copy(language));
  const tabs = [...root.querySelectorAll<HTMLInputElement>(".ex-views input")];
  const tabLanguage = (input: HTMLInputElement): Language => (input.value === "py" ? "py" : "ts");
  const kit = new ShareKit(session, root, part(root, "share-kit"));
  const toPlayground = root.querySelector<HTMLAnchorElement>('[data-part="playground"]');
  if (toPlayground) new CarryLink(session, toPlayground, "playground");
  const toSection = root.querySelector<HTMLAnchorElement>('[data-part="section"]');
  if (toSection) new CarryLink(session, toSection, id);

  // Each tab's edit taken away by Reset, offered back ("Bring back my edit") until that
  // tab's code changes again: kept in storage too, so a reload offers it as well.
  const resetEdits = new Map<Language, string>();
  const offerUndo = (language: Language): void => {
    const edit = resetEdits.get(language) ?? loadReset(session.storageId, language);
    if (edit === null || edit === undefined) return;
    notice.show("resetDone", undefined, {
      label: say("undoReset"),
      run: () => {
        forgetReset(language);
        session.setCode(language, edit, "undo");
      },
    });
  };
  const forgetReset = (language: Language): void => {
    resetEdits.delete(language);
    dropReset(session.storageId, language);
  };

  session.listen((change) => {
    if (change.type === "code" && change.source !== "reset") forgetReset(change.language);
    if (change.type === "state") {
      mark.hold("run", change.state === "running");
      disable(buttons.stop, change.state !== "running" && !comparison?.busy);
      // An ended run's state shows once its last row is drawn (the output drains in frames).
      const state = change.state;
      if (state === "running") root.dataset.state = state;
      else output.whenDrained(() => {
        if (session.state === state) root.dataset.state = state;
      });
    } else if (change.type === "code" && change.language === session.language) {
      disable(buttons.reset, !session.edited());
    } else if (change.type === "language") {
      disable(buttons.reset, !session.edited());
      // The tab follows the session when something else chose the language (a shared
      // Python link), so what is shown is what runs.
      for (const input of tabs) input.checked = tabLanguage(input) === change.language;
      // A notice about one tab's edit does not stay on the other tab.
      if (notice.key !== null && PER_TAB.has(notice.key)) notice.hide();
      autosave.remindBehind(change.language);
      const restored = links.noticeFor(change.language);
      if (notice.key === null && session.edited()) notice.show(restored ?? "edited");
      // Back on a tab whose edit Reset took: the way back is offered again.
      if (notice.key === null && !session.edited()) offerUndo(change.language);
      // The playground's address names its tab (?tab=py), so a reload or a bookmark opens it again.
      if (playground) {
        const url = new URL(location.href);
        if (change.language === "py") url.searchParams.set("tab", "py");
        else url.searchParams.delete("tab");
        if (url.href !== location.href) history.replaceState(history.state, "", url.href);
      }
    }
  });
  buttons.run.addEventListener("click", start);
  buttons.stop.addEventListener("click", () => {
    if (!comparison?.stop()) session.stop();
  });
  buttons.reset.addEventListener("click", () => {
    const language = session.language;
    const edit = session.code(language);
    session.setCode(language, session.originalCode(), "reset");
    resetEdits.set(language, edit);
    keepReset(session.storageId, language, edit);
    notice.hide();
    links.afterReset();
    // A Reset pressed by mistake loses nothing: until that tab's code changes again, the
    // edit can be brought back (saved again); leaving the tab and coming back offers it again.
    if (notice.key === null) offerUndo(language);
  });
  buttons.share.addEventListener("click", () => void links.share().then((hash) => (hash === null ? kit.close() : kit.open(hash))));
  // The code tabs (TypeScript / Python): the session runs the one shown, when it can,
  // starting with the one shown now (an embed's ?tab=py, or the tab a browser restored
  // on Back checked it before the island woke).
  for (const input of tabs) {
    if (input.checked) session.setLanguage(tabLanguage(input));
    input.addEventListener("change", () => {
      if (input.checked) session.setLanguage(tabLanguage(input));
    });
  }
  // The reader shows interest: boot a sandbox worker now so Run starts at once.
  root.addEventListener("pointerenter", () => session.prepare(), { once: true });
  root.addEventListener("focusin", () => session.prepare(), { once: true });
  root.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !code.editing && !pyCode?.editing) {
      event.preventDefault();
      start();
    }
  });

  // The hint shows with the bar, not when the editor arrives, so nothing below moves then.
  part(root, "bar").hidden = false;
  part(root, "hint").hidden = false;
  const loopCta = root.querySelector<HTMLElement>('[data-part="loop-cta"]');
  if (loopCta) loopCta.hidden = false;
  // Opened on an unedited tab whose edit a Reset took before a reload: the way back is offered.
  void links.restore().then(() => {
    // The tab died while this example ran (most likely the program filled the heap): said
    // over whatever the restore said, since the reader is looking for what happened.
    if (crashed) notice.show("lastRunCrashed");
    else if (notice.key === null && !session.edited()) offerUndo(session.language);
  });
  return session;
}
