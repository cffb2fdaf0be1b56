/**
 * The output view: what a run prints, its errors and how it ended, plus the status
 * line under it. Lines are queued and written once per animation frame, so a flood
 * costs one DOM update per frame, not one per line.
 *
 *   new OutputView(session, part(root, "out-wrap"), part(root, "out"), part(root, "status"));
 */
import type { OutputLine } from "../../runner/protocol";
import { endWords, errorAt, errorLines, hintWords, problemWords, whereWords } from "./messages";
import type { RunSession } from "./session";
import { bilingual, say, type Words } from "./words";

type Kind = OutputLine["level"] | "meta" | "fail";

export class OutputView {
  private pending: OutputLine[] = [];
  private frame = 0;

  constructor(
    session: RunSession,
    private readonly wrap: HTMLElement,
    private readonly out: HTMLElement,
    private readonly status: HTMLElement,
  ) {
    session.listen((change) => {
      if (change.type === "start") {
        this.out.replaceChildren();
        this.pending = [];
        this.wrap.hidden = false;
        this.setStatus(say("running"));
        return;
      }
      if (change.type !== "run") return;
      const event = change.event;
      switch (event.type) {
        case "output":
          this.queue(event.lines);
          break;
        case "preparing":
          this.setStatus(say(event.what === "python" ? "loadingPython" : "bundling"));
          break;
        case "problems":
          for (const p of event.problems) this.appendWords(problemWords(p), "fail");
          break;
        case "error": {
          this.flush();
          for (const text of errorLines(event.error)) this.append({ level: "error", text, time: null }, "fail");
          const found = errorAt(event.error);
          if (found) this.appendWords((lang) => `↑ ${whereWords(found.at)(lang)}`, "fail");
          const hint = hintWords(event.error);
          if (hint) this.appendWords(hint, "meta");
          break;
        }
        case "end": {
          this.flush();
          const words = endWords(event.end);
          const quiet = event.end.reason === "done" || event.end.reason === "stopped";
          if (words) this.appendWords(words, quiet ? "meta" : "fail");
          this.setStatus(null);
          break;
        }
      }
    });
  }

  private queue(lines: OutputLine[]): void {
    for (const line of lines) this.pending.push(line);
    this.frame ||= requestAnimationFrame(() => this.flush());
  }

  /** Writes queued lines in one DOM update (a flood must not stall the page). */
  flush(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (this.pending.length === 0) return;
    const fragment = document.createDocumentFragment();
    for (const line of this.pending) fragment.append(this.lineElement(line, line.level));
    this.pending = [];
    const stick = this.out.scrollTop + this.out.clientHeight >= this.out.scrollHeight - 8;
    this.out.append(fragment);
    if (stick) this.out.scrollTop = this.out.scrollHeight;
  }

  private lineElement(line: OutputLine, kind: Kind): HTMLElement {
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
    if (line.omitted) {
      const more = document.createElement("span");
      more.className = "ex-more";
      more.append(bilingual(say("moreChars", { count: line.omitted.toLocaleString("en-US") }), " / "));
      text.append(" ", more);
    }
    return row;
  }

  private append(line: OutputLine, kind: Kind): void {
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

  private setStatus(words: Words | null): void {
    this.status.replaceChildren(words ? bilingual(words) : "");
  }
}
