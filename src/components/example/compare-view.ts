/**
 * "Compare TS and Python": runs the TypeScript twin and the Python original (each with the
 * reader's edits, if any) on the Instant clock, and shows their outputs side by side,
 * differing lines marked (a "≠" as well as a colour), with a verdict in both languages:
 * identical, or the first line that differs. This is where the site's promise — the twin
 * prints exactly what CPython prints — is checked in front of the reader.
 *
 *   new CompareView(session, button(root, "compare"), part(root, "compare"));
 */
import type { Language, RunEvent } from "../../runner/protocol";
import type { RunHandle } from "../../runner/runtime";
import { loadRuntime } from "../../runner/runtimes";
import { endWords, errorLines, problemWords } from "./messages";
import type { RunSession } from "./session";
import { bilingual, say } from "./words";

/**
 * Every line a run shows, as text: what it printed, its traceback, and how it ended when
 * not cleanly. `started` gets the run's handle, for Stop.
 */
function collect(session: RunSession, language: Language, started: (run: RunHandle) => void): Promise<string[]> {
  return loadRuntime(language, session.runtime).then(
    (runtime) =>
      new Promise<string[]>((resolve) => {
        const lines: string[] = [];
        const code = session.code(language);
        const prebuilt =
          language === "ts" && session.prebuiltId && !session.edited("ts") ? { id: session.prebuiltId, hash: session.hash } : null;
        const run = runtime.start({ language, code, clock: "virtual", trace: false, prebuilt }, (event: RunEvent) => {
          if (event.type === "output") for (const l of event.lines) lines.push(l.text);
          else if (event.type === "error") lines.push(...errorLines(event.error));
          else if (event.type === "problems") for (const p of event.problems) lines.push(...(p.kind === "syntax" && p.report ? p.report.split("\n") : [problemWords(p)("en")]));
          else if (event.type === "end") {
            // How the run ended, when not cleanly and when there are words for it (a compile
            // problem has none: its lines are already in).
            const words = event.end.reason === "done" ? null : endWords(event.end);
            if (words) lines.push(`[${words("en")}]`);
            resolve(lines);
          }
        });
        started(run);
      }),
    (error: unknown) => [`[${String(error)}]`],
  );
}

/** 1-based line of the first difference, or null when the two are identical. */
export function firstDifference(a: readonly string[], b: readonly string[]): number | null {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i + 1;
  return null;
}

export class CompareView {
  /** A comparison is running (Stop serves it meanwhile). */
  busy = false;
  /** The two runs in flight, for Stop. */
  private runs: RunHandle[] = [];
  private stopped = false;

  /** `onBusy` hears when a comparison starts and ends (the toolbar's Stop serves it meanwhile). */
  constructor(
    private readonly session: RunSession,
    private readonly trigger: HTMLButtonElement,
    private readonly panel: HTMLElement,
    private readonly onBusy: (busy: boolean) => void = () => {},
  ) {
    trigger.addEventListener("click", () => void this.run());
  }

  /** Stops a comparison in progress; false when none is. */
  stop(): boolean {
    if (!this.busy) return false;
    this.stopped = true;
    for (const run of this.runs) if (!run.ended) run.stop();
    return true;
  }

  async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.stopped = false;
    this.runs = [];
    this.onBusy(true);
    // aria-disabled, not disabled: a disabled button would drop the keyboard's focus to the page.
    this.trigger.setAttribute("aria-disabled", "true");
    this.panel.hidden = false;
    this.panel.dataset.state = "running";
    const status = document.createElement("p");
    status.className = "ex-cmp-verdict";
    status.setAttribute("role", "status");
    status.append(bilingual(say("compareRunning")));
    this.panel.replaceChildren(status);
    try {
      const started = (run: RunHandle): void => {
        this.runs.push(run);
        if (this.stopped) run.stop();
      };
      const [ts, py] = await Promise.all([collect(this.session, "ts", started), collect(this.session, "py", started)]);
      if (this.stopped) this.renderStopped();
      else this.render(ts, py);
    } finally {
      this.busy = false;
      this.runs = [];
      this.trigger.removeAttribute("aria-disabled");
      this.onBusy(false);
    }
  }

  /** Stopped by the reader: said, with nothing to compare. */
  private renderStopped(): void {
    const verdict = document.createElement("p");
    verdict.className = "ex-cmp-verdict";
    verdict.setAttribute("role", "status");
    verdict.append(bilingual(say("compareStopped")));
    this.panel.dataset.state = "stopped";
    this.panel.replaceChildren(verdict, this.closeButton());
  }

  private render(ts: string[], py: string[]): void {
    const first = firstDifference(ts, py);
    const verdict = document.createElement("p");
    verdict.className = `ex-cmp-verdict ex-cmp-verdict--${first === null ? "same" : "diff"}`;
    verdict.setAttribute("role", "status");
    verdict.append(bilingual(first === null ? say("compareIdentical") : say("compareDiffers", { line: first })));
    // A difference the example's notes expect (32-bit CPython's sizes), said where the reader looks.
    const { noteKo, noteEn } = this.panel.dataset;
    const expected = first !== null && noteKo && noteEn && !this.session.edited("ts") && !this.session.edited("py");
    const note = document.createElement("p");
    note.className = "ex-cmp-note";
    if (expected) note.append(bilingual((lang) => (lang === "ko" ? noteKo : noteEn)));
    const table = document.createElement("table");
    table.className = "ex-cmp";
    const head = table.createTHead().insertRow();
    for (const words of [null, say("compareTs"), say("comparePy")]) {
      const th = document.createElement("th");
      th.scope = "col";
      // A heading that reads the same in both languages ("Python (CPython)") is written once.
      if (!words) th.textContent = "#";
      else if (words("ko") === words("en")) th.textContent = words("en");
      else th.append(bilingual(words, " / "));
      head.append(th);
    }
    const body = table.createTBody();
    const n = Math.max(ts.length, py.length);
    for (let i = 0; i < n; i++) {
      const row = body.insertRow();
      const differs = ts[i] !== py[i];
      if (differs) row.className = "ex-cmp-diff";
      const num = document.createElement("th");
      num.scope = "row";
      num.textContent = `${differs ? "≠ " : ""}${i + 1}`;
      row.append(num);
      for (const side of [ts, py]) {
        const cell = row.insertCell();
        cell.textContent = side[i] ?? "";
      }
    }
    this.panel.dataset.state = first === null ? "identical" : `differs-${first}`;
    this.panel.replaceChildren(...(expected ? [verdict, note] : [verdict]), table, this.closeButton());
  }

  private closeButton(): HTMLButtonElement {
    const close = document.createElement("button");
    close.type = "button";
    close.className = "ex-btn";
    close.append(bilingual(say("compareClose"), " / "));
    close.addEventListener("click", () => {
      this.panel.hidden = true;
      this.trigger.focus();
    });
    return close;
  }
}
