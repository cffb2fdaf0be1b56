/**
 * One awake example: wires the server-rendered controls to the runner.
 *
 * Loaded by ./island.ts when the example nears the viewport. Heavy parts stay out until
 * the reader asks: the editor (./editor.ts, CodeMirror) on the first focus or click in
 * the code, the bundler (src/runner/bundler.ts, esbuild-wasm) on the first Run of edited
 * code, the loop visualizer (src/visualizer/) on the first "See the loop". An unedited
 * Run fetches the example's prebuilt bundle.
 *
 * "See the loop" is a disclosure button. Opening it loads the visualizer's trace sink and
 * its `<loop-visualizer>` panel, and runs the code again in Instant mode with a trace
 * (unless the last run of this very code was traced: then its trace is shown). While the
 * panel is open every Run is traced and feeds it live; while it is closed runs are plain,
 * with no observer on the loop at all.
 *
 * Text the controller shows is written in both languages (`.l-ko` / `.l-en`), like
 * everything else on the page; the site's mode CSS hides one.
 */
import { format, runnerStrings, type Lang, type RunnerKey } from "../../i18n/runner";
import { IMPORT_ERROR_DETAIL } from "../../runner/bundle-options";
import type { BundleProblem } from "../../runner/bundler";
import type { Clock, OutputLine, RunError } from "../../runner/protocol";
import { LIMITS } from "../../runner/protocol";
import { configureSandbox, prepareSandbox, startRun, type EndReason, type Run } from "../../runner/sandbox";
import { decodeShare, encodeShare, sharedExampleId } from "../../runner/share";
import type { TraceSink } from "../../visualizer";
import type { EditorHandle } from "./editor";
import { clearEdit, loadEdit, saveEdit } from "./saved-edits";

type Words = (lang: Lang) => string;

const say =
  (key: RunnerKey, values: Record<string, string | number> = {}): Words =>
  (lang) =>
    format(runnerStrings[lang][key], values);

/** A text in both languages, as the site writes it: `.l-ko`, a separator, `.l-en`. */
function bilingual(words: Words, separator = " · "): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const ko = document.createElement("span");
  ko.className = "l-ko";
  ko.lang = "ko";
  ko.textContent = words("ko");
  const sep = document.createElement("span");
  sep.className = "l-sep";
  sep.setAttribute("aria-hidden", "true");
  sep.textContent = separator;
  const en = document.createElement("span");
  en.className = "l-en";
  en.lang = "en";
  en.textContent = words("en");
  fragment.append(ko, sep, en);
  return fragment;
}

/** The reader's language for texts that cannot be shown twice (aria-label, phrases). */
function activeLang(): Lang {
  return document.documentElement.dataset.lang === "en" ? "en" : "ko";
}

function part<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const found = root.querySelector<T>(`[data-part="${name}"]`);
  if (!found) throw new Error(`asyncio-example: missing [data-part="${name}"]`);
  return found;
}

const DEBOUNCE_SAVE_MS = 250;

class ExampleController {
  readonly id: string;
  readonly hash: string;
  readonly base: string;
  /** The site build's stamp (`?v=` on runner URLs), URL-encoded. */
  readonly build: string;
  /** The code Reset returns to; for the playground, the example named by `?example=`. */
  private original: string;
  private current: string;
  /** Whose prebuilt bundle an unedited Run uses (null: always bundle in the browser). */
  private prebuiltId: string | null;
  /** Where edits are saved: the example id, or `playground:<example>` in the playground. */
  private storageKey: string;
  private editor: EditorHandle | null = null;
  private editorLoading: Promise<EditorHandle | null> | null = null;
  private plain: HTMLPreElement | null = null;
  private run: Run | null = null;
  /** Bumped by every Run and Stop, so a Run still bundling knows it was superseded. */
  private generation = 0;
  private saveTimer = 0;
  /** The bundler starts loading on the first edit, so the first edited Run waits less. */
  private warming = false;
  private pendingLines: OutputLine[] = [];
  private frame = 0;
  private readonly code: HTMLElement;
  private readonly staticPre: HTMLElement;
  private readonly out: HTMLElement;
  private readonly outWrap: HTMLElement;
  private readonly status: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly buttons: Record<"run" | "stop" | "reset" | "share" | "loop", HTMLButtonElement>;
  /** Where the loop visualizer's panel goes (below the output). */
  private readonly loopHost: HTMLElement;
  private loopOpen = false;
  private sink: TraceSink | null = null;
  private sinkLoading: Promise<TraceSink> | null = null;
  /** The current (or last) run records a trace. */
  private tracing = false;
  /** The code and clock of the current (or last) run. */
  private ranCode = "";
  private ranClock: Clock = "virtual";
  /** The code whose whole run the sink holds (a traced run that ended by itself), or null. */
  private tracedCode: string | null = null;
  /** Scroll the panel into view when the run its opening started ends. */
  private revealOnEnd = false;

  constructor(readonly root: HTMLElement) {
    const data = root.dataset;
    this.id = data.id ?? "";
    this.hash = data.hash ?? "";
    this.base = data.base ?? "/";
    this.build = encodeURIComponent(data.build ?? "");
    this.code = part(root, "code");
    const pre = this.code.querySelector<HTMLElement>("pre");
    if (!pre) throw new Error(`asyncio-example ${this.id}: no code block`);
    this.staticPre = pre;
    const playground = data.variant === "playground";
    this.original = playground ? "" : (pre.textContent ?? "");
    this.current = this.original;
    this.prebuiltId = playground ? null : this.id;
    this.storageKey = playground ? "playground:" : this.id;
    this.out = part(root, "out");
    this.outWrap = part(root, "out-wrap");
    this.status = part(root, "status");
    this.notice = part(root, "notice");
    const button = (act: string): HTMLButtonElement => {
      const b = root.querySelector<HTMLButtonElement>(`[data-act="${act}"]`);
      if (!b) throw new Error(`asyncio-example ${this.id}: no ${act} button`);
      return b;
    };
    this.buttons = { run: button("run"), stop: button("stop"), reset: button("reset"), share: button("share"), loop: button("loop") };
    this.loopHost = part(root, "loop");
    configureSandbox(`${this.base}_runner/sandbox.js?v=${this.build}`);
    this.wire();
    // The hint shows with the bar, not when the editor arrives, so nothing below moves then.
    part(root, "bar").hidden = false;
    part(root, "hint").hidden = false;
    const loopCta = root.querySelector<HTMLElement>('[data-part="loop-cta"]');
    if (loopCta) loopCta.hidden = false;
    void this.restore();
  }

  // ------------------------------------------------------------------ wiring

  private wire(): void {
    const { root, code, buttons } = this;
    buttons.run.addEventListener("click", () => void this.start());
    buttons.stop.addEventListener("click", () => this.stop());
    buttons.reset.addEventListener("click", () => this.reset());
    buttons.share.addEventListener("click", () => void this.share());
    buttons.loop.addEventListener("click", () => void this.toggleLoop());
    // The reader shows interest: boot a sandbox worker now so Run starts at once.
    root.addEventListener("pointerenter", () => prepareSandbox(), { once: true });
    root.addEventListener("focusin", () => prepareSandbox(), { once: true });
    code.addEventListener("focusin", () => void this.ensureEditor());
    code.addEventListener("pointerdown", (event) => {
      if (this.editor || event.button !== 0) return;
      const at = { x: event.clientX, y: event.clientY };
      event.preventDefault();
      void this.ensureEditor().then((editor) => editor?.focus(at));
    });
    root.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !this.editor) {
        event.preventDefault();
        void this.start();
      }
    });
  }

  /** Shows a share link's code or the reader's saved edit, with a notice. */
  private async restore(): Promise<void> {
    if (this.root.dataset.variant === "playground") await this.openInPlayground();
    if (sharedExampleId(location.hash) === this.id) {
      const shared = await decodeShare(location.hash);
      this.root.scrollIntoView({ block: "start" });
      if (shared && shared.ok) {
        this.show(shared.code);
        this.notify("sharedCode");
      } else {
        this.notify("shareBroken");
      }
      return;
    }
    const saved = loadEdit(this.storageKey);
    if (saved && saved.code !== this.original) {
      this.show(saved.code);
      this.notify(saved.hash === this.hash ? "edited" : "originalChanged");
    }
  }

  /** Playground: `?example=<id>` starts from that example's code (its Reset target). */
  private async openInPlayground(): Promise<void> {
    const id = new URLSearchParams(location.search).get("example");
    if (!id || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return;
    try {
      const response = await fetch(`${this.base}_runner/examples/${id}.ts?v=${this.build}`);
      if (!response.ok) return;
      this.original = await response.text();
      this.prebuiltId = id;
      this.storageKey = `playground:${id}`;
      this.show(this.original);
      const picker = document.querySelector<HTMLSelectElement>("select[name=example]");
      if (picker) picker.value = id;
    } catch {
      // Offline or missing: the playground stays empty.
    }
  }

  // ------------------------------------------------------------------ code

  /** Puts `code` in the code box: into the editor if it is open, else as plain text. */
  private show(code: string): void {
    this.current = code;
    this.buttons.reset.disabled = code === this.original;
    if (this.editor) {
      if (this.editor.getCode() !== code) this.editor.setCode(code);
      return;
    }
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
    this.plain.textContent = code;
    this.staticPre.hidden = true;
  }

  private ensureEditor(): Promise<EditorHandle | null> {
    this.editorLoading ??= import("./editor").then(
      ({ mountEditor }) => {
        const lang = activeLang();
        const title = this.root.querySelector(`.ex-title .l-${lang}`)?.textContent ?? this.id;
        const height = this.code.offsetHeight;
        this.code.style.minHeight = `${height}px`;
        const editor = mountEditor({
          parent: this.code,
          doc: this.current,
          label: `${runnerStrings[lang].code}: ${title}`,
          lang,
          onChange: (doc) => this.edited(doc),
          onRun: () => void this.start(),
        });
        this.staticPre.hidden = true;
        this.plain?.remove();
        this.plain = null;
        this.editor = editor;
        this.code.style.minHeight = "";
        if (this.code.contains(document.activeElement) || document.activeElement === document.body) editor.focus();
        return editor;
      },
      (error: unknown) => {
        this.editorLoading = null;
        console.error("asyncio-example: the editor did not load", error);
        return null;
      },
    );
    return this.editorLoading;
  }

  private edited(doc: string): void {
    this.current = doc;
    if (!this.warming) {
      this.warming = true;
      void import("../../runner/bundler").then((m) => m.warmBundler(this.wasmUrl()));
    }
    this.buttons.reset.disabled = doc === this.original;
    window.clearTimeout(this.saveTimer);
    this.saveTimer = window.setTimeout(() => {
      if (this.current === this.original) clearEdit(this.storageKey);
      else saveEdit(this.storageKey, { hash: this.hash, code: this.current });
    }, DEBOUNCE_SAVE_MS);
    if (this.notice.dataset.key === "sharedCode" || this.notice.dataset.key === "shareBroken") return;
    if (doc !== this.original && this.notice.dataset.key !== "originalChanged") this.notify("edited");
  }

  private reset(): void {
    window.clearTimeout(this.saveTimer);
    clearEdit(this.storageKey);
    this.show(this.original);
    this.clearMarks();
    this.notify(null);
    if (sharedExampleId(location.hash) === this.id) {
      history.replaceState(history.state, "", location.pathname + location.search + `#example-${this.id}`);
    }
  }

  private async share(): Promise<void> {
    const hash = await encodeShare(this.id, this.current);
    const embedded = this.root.dataset.variant !== "page";
    const page = embedded ? new URL(`${this.base}${this.root.dataset.section ?? ""}/`, location.href) : new URL(location.href);
    page.hash = hash;
    if (!embedded) history.replaceState(history.state, "", page.href);
    try {
      await navigator.clipboard.writeText(page.href);
      this.notify("shareCopied");
    } catch {
      if (embedded) this.notify("shareInAddressBar", () => page.href);
      else this.notify("shareInAddressBar");
    }
  }

  // ------------------------------------------------------------------ running

  private clock(): Clock {
    const checked = this.root.querySelector<HTMLInputElement>(".ex-clock input:checked");
    return checked?.value === "real" ? "real" : "virtual";
  }

  private async start(): Promise<void> {
    this.stop();
    const generation = ++this.generation;
    this.clearMarks();
    this.out.replaceChildren();
    this.pendingLines = [];
    this.outWrap.hidden = false;
    this.setRunning(true);
    this.setStatus(say("running"));
    const code = this.current;
    const tracing = this.loopOpen && this.sink !== null;
    this.tracing = tracing;
    this.tracedCode = null;
    this.ranCode = code;
    if (tracing) this.sink?.reset({ source: code });
    let bundle: string;
    try {
      bundle = code === this.original && this.prebuiltId ? await this.prebuilt(this.prebuiltId) : await this.bundleEdit(code);
    } catch (error) {
      if (generation !== this.generation) return;
      this.append({ level: "error", text: error instanceof Error ? error.message : String(error), time: null }, "fail");
      this.setRunning(false);
      this.setStatus(null);
      return;
    }
    if (generation !== this.generation || bundle === "") return;
    this.ranClock = this.clock();
    this.run = startRun(
      bundle,
      this.ranClock,
      {
        output: (lines) => this.queue(lines),
        error: (error) => this.runError(error),
        trace: (message) => this.sink?.accept(message),
        end: (reason, detail) => this.ended(reason, detail),
      },
      { trace: tracing },
    );
  }

  /** Stop: ends the run (or the bundling before it) at once; the output says "Stopped." */
  private stop(): void {
    this.generation++;
    const run = this.run;
    this.run = null;
    if (run && !run.ended) run.stop();
    else if (this.root.dataset.state === "running") this.ended("stopped");
  }

  private async prebuilt(id: string): Promise<string> {
    const url = `${this.base}_runner/examples/${id}.js?v=${this.hash}-${this.build}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return response.text();
  }

  private wasmUrl(): string {
    return `${this.base}_runner/esbuild-${this.root.dataset.esbuild ?? ""}.wasm`;
  }

  /** Bundles an edit; on a syntax error shows it and returns "". */
  private async bundleEdit(code: string): Promise<string> {
    const { bundle, bundlerWarm } = await import("../../runner/bundler");
    if (!bundlerWarm()) this.setStatus(say("bundling"));
    let result;
    try {
      result = await bundle(code, this.wasmUrl());
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(format(runnerStrings[activeLang()].bundlerFailed, { detail }), { cause: error });
    }
    if (result.ok) return result.code;
    this.syntaxErrors(result.problems);
    this.setRunning(false);
    this.setStatus(null);
    return "";
  }

  private syntaxErrors(problems: BundleProblem[]): void {
    const message = (p: BundleProblem): Words => (lang) => {
      const where = format(runnerStrings[lang].errorAt, { line: p.line, column: p.column });
      const what =
        p.detail === IMPORT_ERROR_DETAIL
          ? format(runnerStrings[lang].onlyAsyncio, { name: /"([^"]*)"/.exec(p.text)?.[1] ?? "" })
          : p.text;
      return `${runnerStrings[lang].syntaxError} (${where}): ${what}`;
    };
    for (const p of problems) this.appendWords(message(p), "fail");
    this.mark(
      problems.map((p) => ({ line: p.line, column: p.column, words: message(p) })),
    );
  }

  private runError(error: RunError): void {
    this.flush();
    const lines = error.report.split("\n");
    for (const text of lines) this.append({ level: "error", text, time: null }, "fail");
    if (error.at) {
      const at = error.at;
      this.appendWords((lang) => `↑ ${format(runnerStrings[lang].errorAt, { line: at.line, column: at.column })}`, "fail");
      const summary = lines[lines.length - 1];
      this.mark([{ line: at.line, column: at.column, words: () => summary }]);
    }
  }

  private ended(reason: EndReason, detail?: string): void {
    this.flush();
    if (this.run?.ended) this.run = null;
    this.setRunning(false);
    const words: Record<EndReason, Words> = {
      done: say("finished"),
      stopped: say("stopped"),
      "limit-time": say("limitTime", { seconds: LIMITS.seconds }),
      "limit-lines": say("limitLines", { lines: LIMITS.lines.toLocaleString("en-US") }),
      crashed: () => detail ?? "crashed",
    };
    this.appendWords(words[reason], reason === "done" || reason === "stopped" ? "meta" : "fail");
    this.setStatus(null);
    this.root.dataset.state = reason;
    if (this.tracing) this.tracedRunEnded(reason);
  }

  private setRunning(running: boolean): void {
    this.buttons.stop.disabled = !running;
    this.root.dataset.state = running ? "running" : "idle";
  }

  // ------------------------------------------------------------------ the loop view

  private async toggleLoop(): Promise<void> {
    if (this.loopOpen) {
      this.loopOpen = false;
      this.buttons.loop.setAttribute("aria-expanded", "false");
      this.loopHost.hidden = true;
      this.sink?.panel?.pause();
      return;
    }
    this.loopOpen = true;
    this.buttons.loop.setAttribute("aria-expanded", "true");
    this.loopHost.hidden = false;
    const reuse = this.tracedCode !== null && this.tracedCode === this.current && this.root.dataset.state !== "running";
    if (!this.sink?.panel) this.loopStatus(say("loopLoading"));
    try {
      await this.loadSink();
    } catch (error) {
      this.loopFailed(error);
      return;
    }
    if (!this.loopOpen) return; // closed again while loading
    // Record a fresh run while the panel loads: on the virtual clock (Instant), so the
    // whole run is there at once, ready to step through.
    let running: Promise<void> | null = null;
    if (!reuse) {
      const instant = this.root.querySelector<HTMLInputElement>('.ex-clock input[value="virtual"]');
      if (instant) instant.checked = true;
      running = this.start();
    }
    try {
      await this.sink?.open(this.loopHost);
    } catch (error) {
      this.loopFailed(error);
      return;
    } finally {
      await running;
    }
    this.loopHost.querySelector(".ex-loop-status")?.remove();
    if (reuse) this.revealLoop();
    else this.revealOnEnd = true; // the output is still growing above the panel
  }

  /** The panel sits below the output: bring its head into view if it is out of sight. */
  private revealLoop(): void {
    if (this.loopOpen && this.loopHost.getBoundingClientRect().top > window.innerHeight - 160) {
      this.loopHost.scrollIntoView({ block: "start" });
    }
  }

  private loadSink(): Promise<TraceSink> {
    this.sinkLoading ??= import("../../visualizer").then(
      ({ createTraceSink }) => (this.sink = createTraceSink()),
      (error: unknown) => {
        this.sinkLoading = null;
        throw error;
      },
    );
    return this.sinkLoading;
  }

  /** A traced run ended: keep its trace for a reopened panel; an Instant run rewinds to its start. */
  private tracedRunEnded(reason: EndReason): void {
    if (reason !== "stopped" && reason !== "crashed") this.tracedCode = this.ranCode;
    const panel = this.sink?.panel;
    if (panel && this.ranClock === "virtual" && panel.following) panel.goTo(panel.model.first - 1);
    if (this.revealOnEnd) {
      this.revealOnEnd = false;
      this.flush();
      this.revealLoop();
    }
  }

  /** A line in the loop view's place while its panel is not there yet. */
  private loopStatus(words: Words, fail = false): void {
    let status = this.loopHost.querySelector<HTMLElement>(".ex-loop-status");
    if (!status) {
      status = document.createElement("p");
      status.setAttribute("role", "status");
      this.loopHost.prepend(status);
    }
    status.className = fail ? "ex-loop-status ex-loop-status--fail" : "ex-loop-status";
    status.replaceChildren(bilingual(words));
  }

  private loopFailed(error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    this.loopStatus(say("loopFailed", { detail }), true);
    console.error("asyncio-example: the loop view did not load", error);
  }

  // ------------------------------------------------------------------ output

  private queue(lines: OutputLine[]): void {
    for (const line of lines) this.pendingLines.push(line);
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /** Writes queued lines in one DOM update per frame (a flood must not stall the page). */
  private flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.pendingLines.length === 0) return;
    const fragment = document.createDocumentFragment();
    for (const line of this.pendingLines) fragment.append(this.lineElement(line, line.level));
    this.pendingLines = [];
    const stick = this.out.scrollTop + this.out.clientHeight >= this.out.scrollHeight - 8;
    this.out.append(fragment);
    if (stick) this.out.scrollTop = this.out.scrollHeight;
  }

  private lineElement(line: OutputLine, kind: string): HTMLElement {
    const row = document.createElement("div");
    row.className = `ex-line ex-line--${kind}`;
    const time = document.createElement("span");
    time.className = "ex-time";
    time.setAttribute("aria-hidden", "true");
    time.textContent = line.time === null ? "" : line.time.toFixed(3);
    const text = document.createElement("span");
    text.className = "ex-text";
    text.textContent = line.text;
    row.append(time, text);
    return row;
  }

  private append(line: OutputLine, kind: string): void {
    this.flush();
    this.out.append(this.lineElement(line, kind));
    this.out.scrollTop = this.out.scrollHeight;
  }

  private appendWords(words: Words, kind: "meta" | "fail"): void {
    this.flush();
    const row = this.lineElement({ level: "log", text: "", time: null }, kind);
    row.lastElementChild?.append(bilingual(words, " / "));
    this.out.append(row);
    this.out.scrollTop = this.out.scrollHeight;
  }

  // ------------------------------------------------------------------ marks and notices

  private mark(marks: { line: number; column: number; words: Words }[]): void {
    const lang = activeLang();
    if (this.editor) {
      this.editor.showErrors(marks.map((m) => ({ line: m.line, column: m.column, message: m.words(lang) })));
      return;
    }
    const lines = (this.plain ?? this.staticPre).querySelectorAll(".line");
    for (const m of marks) lines[m.line - 1]?.classList.add("ex-errline");
  }

  private clearMarks(): void {
    this.editor?.showErrors([]);
    for (const line of this.code.querySelectorAll(".ex-errline")) line.classList.remove("ex-errline");
  }

  /** Shows the notice `key` (or hides the notice); `words` overrides its text. */
  private notify(key: RunnerKey | null, words?: Words): void {
    const { notice } = this;
    if (key === null) {
      notice.hidden = true;
      notice.replaceChildren();
      delete notice.dataset.key;
      return;
    }
    notice.replaceChildren(bilingual(words ?? say(key)));
    notice.dataset.key = key;
    notice.hidden = false;
  }

  private setStatus(words: Words | null): void {
    this.status.replaceChildren(words ? bilingual(words) : "");
  }
}

/** Wakes one `<asyncio-example>`; called by the island. */
export function attach(root: HTMLElement): void {
  new ExampleController(root);
}
