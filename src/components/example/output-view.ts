/**
 * The output view: what a run prints, its errors and how it ended, plus the status
 * line under it. Rows are queued and written in batches, one batch per animation frame
 * within a time budget that counts the layout the batch causes, so no flood stalls the
 * page; the view never holds more rows than a run may print (the limits in
 * src/runner/limits.ts, checked again by the sandbox). Rows go into blocks of
 * CHUNK_ROWS, so a new batch lays out one short block, not the whole log. A line cut in
 * the worker shows "… N more characters".
 *
 *   const view = new OutputView(session, wrap, out, status);
 *   view.whenDrained(() => root.dataset.state = "done"); // after the last row is drawn
 */
import { groupDigits, RUN_LIMITS } from "../../runner/limits";
import type { OutputLine, SourcePosition } from "../../runner/protocol";
import { endWords, errorAt, errorLines, hintWords, mistakeKey, problemHint, problemWords, warningHint, whereWords } from "./messages";
import type { RunSession } from "./session";
import { bilingual, say, type Words } from "./words";

type Kind = OutputLine["level"] | "meta" | "fail";
type Row = { line: OutputLine; kind: Kind } | { words: Words; kind: "meta" | "fail"; ending?: true; at?: SourcePosition };

/**
 * The log (role="log", aria-live="polite") is read aloud line by line; past this many
 * rows in a run it falls silent (aria-live="off"), so a flood is not read out to its
 * ten-thousandth line, and speaks again for how the run ended (rows pushed as `ending`).
 */
const SPOKEN_ROWS = 50;

/** Work per frame, building the rows and laying them out (ms); the batch size follows what the last frames cost. */
const FRAME_MS = 8;
/** A batch's size in units: one per row, plus one per UNIT_CHARS characters of text. */
const UNIT_CHARS = 200;
const MIN_UNITS = 16;
const MAX_UNITS = 2048;
/** Rows per block of the log. */
const CHUNK_ROWS = 200;
/** Rows kept at most: every line a run may print, and room for the messages around them. */
const MAX_ROWS = RUN_LIMITS.lines.value + 100;

export class OutputView {
  private queue: Row[] = [];
  private frame = 0;
  private rows = 0;
  private chunk: HTMLElement | null = null;
  /** Units the next frame may draw (adapts to the time frames take on this machine). */
  private units = 256;
  private drained: (() => void)[] = [];
  /** This run's program ended on an uncaught exception (its traceback is shown). */
  private uncaught = false;
  /** What the site says about a warning this run printed, shown before how the run ended; false once an error's hint said the warning is not the point. */
  private warned: Words | null | false = null;

  /** The time column's width in characters: 5 fits "9.999"; a later "10.200" widens it. */
  private timeWidth = 5;

  constructor(
    session: RunSession,
    private readonly wrap: HTMLElement,
    private readonly out: HTMLElement,
    private readonly status: HTMLElement,
  ) {
    session.listen((change) => {
      if (change.type === "start") {
        this.out.replaceChildren();
        delete this.out.dataset.timed;
        this.timeWidth = 5;
        this.out.style.removeProperty("--time-width");
        this.queue = [];
        this.rows = 0;
        this.chunk = null;
        this.uncaught = false;
        this.warned = null;
        this.wrap.hidden = false;
        this.out.setAttribute("aria-live", "polite");
        this.setStatus(say("running"));
        return;
      }
      if (change.type !== "run") return;
      const event = change.event;
      switch (event.type) {
        case "output":
          // The loop-time column shows once a line has a time (output.css): looked for
          // until then, one attribute set once, not a write per line of a flood.
          if (!("timed" in this.out.dataset) && event.lines.some((line) => line.time !== null)) this.out.dataset.timed = "";
          this.widenTimes(event.lines);
          for (const line of event.lines) {
            this.push({ line, kind: line.level });
            if (line.level === "error" && this.warned === null) this.warned = warningHint(line.text);
          }
          break;
        case "preparing":
          this.setStatus(say(event.what === "python" ? "loadingPython" : "bundling"));
          break;
        case "started":
          // CPython is in, or the bundle is made: the program runs (it may print nothing for a while).
          this.setStatus(say("running"));
          break;
        case "problems": {
          for (const p of event.problems) {
            // CPython's own report of a syntax error, as python3 prints it, then where it is.
            if (p.kind === "syntax" && p.report) {
              for (const text of p.report.split("\n")) this.push({ line: { level: "error", text, time: null, cut: 0 }, kind: "fail" });
              this.push({ words: (lang) => `↑ ${whereWords(p)(lang)}`, kind: "fail", at: p });
            } else {
              this.push({ words: problemWords(p), kind: "fail" });
            }
          }
          const hint = event.problems.map(problemHint).find((h) => h !== null);
          if (hint) this.push({ words: hint, kind: "meta" });
          break;
        }
        case "error": {
          this.uncaught = true;
          for (const text of errorLines(event.error)) this.push({ line: { level: "error", text, time: null, cut: 0 }, kind: "fail" });
          const found = errorAt(event.error);
          if (found) this.push({ words: (lang) => `↑ ${whereWords(found.at)(lang)}`, kind: "fail", at: found.at });
          const mistake = mistakeKey(event.error);
          const hint = mistake ? say(mistake) : hintWords(event.error);
          if (hint) this.push({ words: hint, kind: "meta" });
          // A nested asyncio.run(): its coroutine was never awaited, but awaiting it is not the fix: no second hint.
          if (mistake === "hintNestedRun" || mistake === "hintUnawaitedRun") this.warned = false;
          break;
        }
        case "end": {
          const words = endWords(event.end, this.uncaught);
          const quiet = event.end.reason === "done" || event.end.reason === "stopped";
          if (this.warned) this.push({ words: this.warned, kind: "meta", ending: true });
          if (words) this.push({ words, kind: quiet ? "meta" : "fail", ending: true });
          this.setStatus(null);
          break;
        }
      }
    });
  }

  /** Calls `then` once every queued row is drawn (at once if none wait). */
  whenDrained(then: () => void): void {
    if (this.queue.length === 0) then();
    else this.drained.push(then);
  }

  private push(row: Row): void {
    this.queue.push(row);
    this.frame ||= requestAnimationFrame(() => this.draw());
  }

  /** Draws the next batch of queued rows; schedules the next frame while more wait. */
  private draw(): void {
    this.frame = 0;
    const started = performance.now();
    const stick = this.out.scrollTop + this.out.clientHeight >= this.out.scrollHeight - 8;
    let units = 0;
    let taken = 0;
    // What a screen reader is told is decided per frame (one accessibility update): the
    // first SPOKEN_ROWS rows spoken, then silence, then a frame of the ending rows alone.
    // (A new run may have emptied the queue since this frame was asked for.)
    const next = this.queue[0];
    const ending = next !== undefined && "ending" in next;
    if (ending) this.out.setAttribute("aria-live", "polite");
    else if (this.rows >= SPOKEN_ROWS) this.out.setAttribute("aria-live", "off");
    const most = ending || this.rows >= SPOKEN_ROWS ? this.queue.length : SPOKEN_ROWS - this.rows;
    while (taken < Math.min(this.queue.length, most) && units < this.units && "ending" in this.queue[taken] === ending) {
      const row = this.queue[taken++];
      if (this.rows >= MAX_ROWS) continue;
      if (this.rows % CHUNK_ROWS === 0 || !this.chunk) {
        this.chunk = document.createElement("div");
        this.chunk.className = "ex-chunk";
        this.out.append(this.chunk);
      }
      this.rows++;
      const element = "line" in row ? lineElement(row.line, row.kind) : wordsElement(row.words, row.kind, row.at);
      units += 1 + ("line" in row ? Math.floor(row.line.text.length / UNIT_CHARS) : 0);
      this.chunk.append(element);
    }
    this.queue = this.queue.slice(taken);
    // Reading the height lays the batch out now, so its cost is measured and steers the next batch.
    const height = this.out.scrollHeight;
    if (stick || this.queue.length === 0) this.out.scrollTop = height;
    const spent = performance.now() - started;
    if (units > 0) this.units = Math.round(Math.min(MAX_UNITS, Math.max(MIN_UNITS, (units * FRAME_MS) / Math.max(spent, 0.5))));
    if (this.queue.length > 0) {
      this.frame = requestAnimationFrame(() => this.draw());
      return;
    }
    const waiting = this.drained;
    this.drained = [];
    for (const then of waiting) then();
  }

  /** Widens the time column to the widest time so far ("10.200"), so the text beside it does not shift. */
  private widenTimes(lines: readonly OutputLine[]): void {
    let widest = this.timeWidth;
    for (const line of lines) if (line.time !== null && line.time >= 10) widest = Math.max(widest, line.time.toFixed(3).length);
    if (widest === this.timeWidth) return;
    this.timeWidth = widest;
    this.out.style.setProperty("--time-width", `${widest}ch`);
  }

  private setStatus(words: Words | null): void {
    this.status.replaceChildren(words ? bilingual(words) : "");
  }
}

/**
 * Printed lines up to this many characters keep their columns, as in a terminal: they do
 * not wrap, and the output scrolls sideways on a narrow screen, so output laid out as a
 * table stays one. Longer lines wrap: they are prose or data, and a 10 KB line laid out
 * unwrapped stalled a page (bench/hostile).
 */
export const COLUMN_LINE = 160;

/**
 * A printed line as a terminal shows it: a carriage return (`\r`) takes the cursor back
 * to the line's start, and what follows writes over what was there. So a progress line
 * printed as `print(f"\rdone {i}%", end="")` shows its last state, as in python3 on a
 * terminal. The text itself is kept as printed (the TS/Python comparison compares it).
 *
 *   asTerminalShows("loading\rdone"); // "doneing"
 *   asTerminalShows("\r1%\r50%\r100%"); // "100%"
 */
export function asTerminalShows(text: string): string {
  if (!text.includes("\r")) return text;
  let shown = "";
  for (const piece of text.split("\r")) shown = piece + shown.slice(piece.length);
  return shown;
}

/** One output row: loop time, text, and "… N more characters" when the worker cut it. */
function lineElement(line: OutputLine, kind: Kind): HTMLElement {
  const row = document.createElement("div");
  row.className = `ex-line ex-line--${kind}`;
  const shown = asTerminalShows(line.text);
  if ((kind === "log" || kind === "info") && line.cut === 0 && shown.length <= COLUMN_LINE) row.classList.add("ex-line--cols");
  const time = document.createElement("span");
  time.className = "ex-time";
  time.setAttribute("aria-hidden", "true");
  time.textContent = line.time === null ? "" : line.time.toFixed(3);
  const text = document.createElement("span");
  text.className = "ex-text";
  text.textContent = shown;
  row.append(time, text);
  if (line.cut > 0) {
    const cut = document.createElement("span");
    cut.className = "ex-cut";
    cut.append(bilingual(say("moreChars", { count: groupDigits(line.cut) }), " / "));
    row.append(cut);
  }
  return row;
}

/** A row of the site's own words (how the run ended, a hint), in both languages. */
/**
 * A row of the site's own words. One that says where an error is ("↑ line 4, column 9")
 * is a button: it puts the editor's cursor there (code-box.ts hears `ex-goto`), so a
 * keyboard or a screen reader reaches the line without counting lines.
 */
function wordsElement(words: Words, kind: "meta" | "fail", at?: SourcePosition): HTMLElement {
  const row = lineElement({ level: "log", text: "", time: null, cut: 0 }, kind);
  if (!at) {
    row.lastElementChild?.append(bilingual(words, " / "));
    return row;
  }
  const go = document.createElement("button");
  go.type = "button";
  go.className = "ex-goto";
  go.append(bilingual(words, " / "));
  go.addEventListener("click", () => go.dispatchEvent(new CustomEvent<SourcePosition>("ex-goto", { bubbles: true, detail: at })));
  row.lastElementChild?.append(go);
  return row;
}

let primed = false;

/**
 * Draws one row of each style the output uses, hidden, once per page, so that the fonts
 * behind them are looked up while the page is idle rather than during the first run.
 * On Linux, Chromium asks the browser process for every font face and size the page has
 * not drawn yet, and the page waits for the answer; during a first run, with the bundler
 * and its compiler on every core, that one wait stalled the page 50-300 ms (bench/hostile).
 *
 *   requestIdleCallback(() => primeOutputFonts(wrap)); // wrap: the example's output part
 */
export function primeOutputFonts(wrap: HTMLElement): void {
  if (primed) return;
  primed = true;
  const ghost = wrap.cloneNode(true) as HTMLElement;
  for (const el of [ghost, ...ghost.querySelectorAll("*")]) {
    for (const name of ["id", "data-part", "role", "aria-live", "aria-labelledby", "tabindex"]) el.removeAttribute(name);
  }
  ghost.hidden = false;
  ghost.inert = true;
  ghost.setAttribute("aria-hidden", "true");
  ghost.style.cssText = "position:fixed;top:0;left:0;width:20rem;visibility:hidden;pointer-events:none";
  const message = document.createElement("span");
  message.className = "ex-errmsg";
  message.append(bilingual(say("finished")));
  ghost.querySelector(".ex-out")?.append(
    lineElement({ level: "log", text: "0.5 ok 한글", time: 0, cut: 1000 }, "log"),
    wordsElement(say("finished"), "meta"),
    wordsElement(say("stopped"), "fail"),
    message,
  );
  ghost.querySelector(".ex-status")?.append(bilingual(say("running")));
  wrap.after(ghost);
  void ghost.offsetHeight; // lays the rows out: their text is shaped, so each font is looked up
  ghost.remove();
}
