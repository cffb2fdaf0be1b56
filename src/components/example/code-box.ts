/**
 * The code box of one language: the server-rendered code, a plain `<pre>` standing in
 * for it when the code changed before the editor loaded, and the editor (./editor.ts,
 * CodeMirror) from the reader's first focus or click on. It shows the session's code
 * for its language, sends the reader's typing to the session, and marks the lines a run
 * reports errors at.
 *
 *   new CodeBox(session, "ts", root.querySelector('[data-part="code"]'), { title, onRun });
 */
import type { CodeProblem, Language, SourcePosition } from "../../runner/protocol";
import type { EditorHandle } from "./editor";
import { errorAt, problemWords, warningAt } from "./messages";
import type { RunSession } from "./session";
import type { Lang } from "../../i18n/lang";
import { currentMode, inLanguage } from "../client/mode";
import { activeLang, say, type Words } from "./words";

/** Bidirectional controls ("Trojan Source"): they can make code read otherwise than it runs. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Fills `pre` with `code`, one `.line` span per line as the server-rendered code has them
 * (so a run's error marks its line here too, and print numbers the lines), each
 * bidirectional control shown as a visible, inert `<U+202E>` mark.
 */
export function showPlain(pre: HTMLElement, code: string): void {
  const body = document.createElement("code");
  code.split("\n").forEach((text, i) => {
    if (i > 0) body.append("\n");
    const line = document.createElement("span");
    line.className = "line";
    let at = 0;
    for (const m of text.matchAll(BIDI)) {
      line.append(text.slice(at, m.index));
      const mark = document.createElement("span");
      mark.className = "ex-bidi";
      const name = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
      mark.textContent = `<${name}>`;
      mark.title = name;
      line.append(mark);
      at = m.index + m[0].length;
    }
    line.append(text.slice(at));
    body.append(line);
  });
  pre.replaceChildren(body);
}

/** `into`, holding a deep copy of `from`'s children. */
function copyInto<T extends HTMLElement>(into: T, from: HTMLElement): T {
  into.append(...Array.from(from.childNodes, (node) => node.cloneNode(true)));
  return into;
}

interface Mark extends SourcePosition {
  words: Words;
}

export class CodeBox {
  private editor: EditorHandle | null = null;
  private editorLoading: Promise<EditorHandle | null> | null = null;
  private plain: HTMLPreElement | null = null;
  /** The marks shown now: this run's warnings and error, or the code's problems. */
  private marks: Mark[] = [];
  private readonly staticPre: HTMLElement;
  /** What to write, shown while the box is empty (the playground's blank example). */
  private readonly placeholder: HTMLElement | null;

  constructor(
    private readonly session: RunSession,
    readonly language: Language,
    private readonly box: HTMLElement,
    /** `editorLoaded`: whether the editor's code loaded (false: offline before it was ever cached; the code stays shown). */
    private readonly options: { title: (lang: Lang) => string; onRun: () => void; editorLoaded: (ok: boolean) => void },
  ) {
    const pre = box.querySelector<HTMLElement>("pre");
    if (!pre) throw new Error(`asyncio-example ${session.id}: no code block`);
    this.staticPre = pre;
    this.placeholder = box.querySelector<HTMLElement>('[data-part="placeholder"]');
    box.addEventListener("focusin", () => void this.ensureEditor());
    box.addEventListener("pointerdown", (event) => {
      if (this.editor || event.button !== 0) return;
      const at = { x: event.clientX, y: event.clientY };
      event.preventDefault();
      void this.ensureEditor().then((editor) => editor?.focus(at));
    });
    // "↑ line 4, column 9" under a run's error (output-view.ts) puts the cursor there, in the
    // code box of the language shown.
    box.closest("asyncio-example")?.addEventListener("ex-goto", (event) => {
      if (session.language !== language) return;
      const at = (event as CustomEvent<SourcePosition>).detail;
      void this.ensureEditor().then((editor) => editor?.goto(at));
    });
    // Tabbed onto before the example woke: open the editor now, as focusing it later would.
    if (box.contains(document.activeElement)) void this.ensureEditor();
    session.listen((change) => {
      if (change.type === "code" && change.language === language && change.source !== "editor") {
        this.show(change.code);
        if (change.source !== "restore") this.clearMarks();
      } else if (change.type === "start") {
        this.clearMarks();
      } else if (change.type === "run" && session.language === language) {
        const event = change.event;
        if (event.type === "problems") this.mark(event.problems.map((p: CodeProblem) => ({ ...p, words: problemWords(p) })));
        if (event.type === "error") {
          const found = errorAt(event.error);
          if (found) this.mark([{ ...found.at, words: () => found.summary }], true);
        }
        // A warning CPython printed with the reader's line (`example.py:7: RuntimeWarning: …`) marks that line too.
        if (event.type === "output") {
          const warned = event.lines.flatMap((l) => {
            const found = l.level === "error" ? warningAt(l.text) : null;
            return found ? [{ ...found.at, words: () => found.summary }] : [];
          });
          if (warned.length) this.mark(warned, true);
        }
      }
    });
  }

  /** True once the editor is open (it then handles Ctrl+Enter itself). */
  get editing(): boolean {
    return this.editor !== null;
  }

  /** Puts `code` in the box: into the editor if it is open, else as plain text. */
  private show(code: string): void {
    if (this.editor) {
      if (this.editor.getCode() !== code) this.editor.setCode(code);
      return;
    }
    if (this.placeholder) this.placeholder.hidden = code !== "";
    if (code === this.staticPre.textContent) {
      this.plain?.remove();
      this.plain = null;
      this.staticPre.hidden = false;
      return;
    }
    if (!this.plain) {
      this.plain = document.createElement("pre");
      this.plain.className = "ex-plain";
      this.plain.tabIndex = 0;
      this.staticPre.after(this.plain);
    }
    showPlain(this.plain, code);
    this.staticPre.hidden = true;
  }

  ensureEditor(): Promise<EditorHandle | null> {
    // Python's grammar comes with the Python editor only (the TypeScript one never loads it).
    const grammar = this.language === "py" ? import("@codemirror/lang-python").then((m) => m.python()) : Promise.resolve(undefined);
    this.editorLoading ??= Promise.all([import("./editor"), grammar]).then(
      ([{ mountEditor }, pythonGrammar]) => {
        const lang = activeLang();
        const hint = this.placeholder;
        const height = this.box.offsetHeight;
        this.box.style.minHeight = `${height}px`;
        const editor = mountEditor({
          parent: this.box,
          doc: this.session.code(this.language),
          label: this.label(),
          lang,
          language: this.language,
          grammar: pythonGrammar,
          onChange: (doc) => this.session.setCode(this.language, doc, "editor"),
          onRun: this.options.onRun,
          // The editor's own placeholder, in both languages as the static one was (the mode's CSS picks).
          placeholder: hint
            ? { content: () => copyInto(document.createElement("span"), hint), label: hint.querySelector(`.l-${lang}`)?.textContent ?? hint.textContent ?? "" }
            : undefined,
        });
        hint?.remove();
        this.staticPre.hidden = true;
        this.plain?.remove();
        this.plain = null;
        this.editor = editor;
        // The reader switches the reading mode: the editor's name and phrases follow.
        new MutationObserver(() => editor.setLang(activeLang(), this.label())).observe(document.documentElement, { attributes: true, attributeFilter: ["data-lang"] });
        this.box.style.minHeight = "";
        this.options.editorLoaded(true);
        if (this.box.contains(document.activeElement) || document.activeElement === document.body) editor.focus();
        return editor;
      },
      (error: unknown) => {
        this.editorLoading = null;
        console.error("asyncio-example: the editor did not load", error);
        this.options.editorLoaded(false);
        return null;
      },
    );
    return this.editorLoading;
  }

  /**
   * Selects all of the code shown, for a copy by keyboard when the clipboard is refused:
   * in the editor if it is open, else the plain text.
   */
  selectAll(): void {
    if (this.editor) {
      const view = this.editor.view;
      view.dispatch({ selection: { anchor: 0, head: view.state.doc.length } });
      view.focus();
      return;
    }
    const pre = this.plain ?? this.staticPre;
    const range = document.createRange();
    range.selectNodeContents(pre);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }

  /** The editor's accessible name in the reading mode: "코드: … · Code: …" in both languages. */
  private label(): string {
    const named = (lang: Lang): string => `${say("code")(lang)}: ${this.options.title(lang)}`;
    return inLanguage(currentMode(), named("ko"), named("en"));
  }

  /** Marks problems found before a run (Python's compile check), replacing older marks. */
  showProblems(problems: CodeProblem[]): void {
    this.clearMarks();
    if (problems.length) this.mark(problems.map((p) => ({ ...p, words: problemWords(p) })));
  }

  /** Marks `marks` in the code, in place of those shown, or beside them (`add`: a run's warnings, then its error). */
  private mark(marks: Mark[], add = false): void {
    this.marks = add ? [...this.marks, ...marks] : marks;
    if (this.editor) {
      this.editor.showErrors(this.marks.map((m) => ({ line: m.line, column: m.column, message: m.words })));
      return;
    }
    const lines = (this.plain ?? this.staticPre).querySelectorAll(".line");
    for (const m of marks) lines[m.line - 1]?.classList.add("ex-errline");
  }

  private clearMarks(): void {
    this.marks = [];
    this.editor?.showErrors([]);
    for (const line of this.box.querySelectorAll(".ex-errline")) line.classList.remove("ex-errline");
  }
}
