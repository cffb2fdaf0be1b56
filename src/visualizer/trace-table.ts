/**
 * The text trace: a table of iteration, time and event, for screen readers and for
 * copying into a course. Built only while its <details> is open; a very long trace
 * shows a window of rows around the current step (Copy still copies every event).
 */
import { describeEvent, traceAsText } from "./describe";
import { h, say, sayAttr } from "./render";
import { formatTime, langsOf, text, type LangMode } from "./strings";
import type { TraceModel } from "./trace";

/** Rows the table holds at most. */
export const TABLE_ROWS = 2000;

export class TraceTable {
  readonly element: HTMLDetailsElement;
  private readonly _summary = h("summary", {});
  private readonly _copy = h("button", { type: "button", "data-act": "copy" }) as HTMLButtonElement;
  private readonly _status = h("span", { role: "status" });
  private readonly _window = h("p", { class: "hint", hidden: "" });
  private readonly _wrap = h("div", { class: "table-wrap", tabindex: "0", role: "region" });
  /** Absolute index range of the rows built, [from, to). */
  private _from = 0;
  private _to = 0;
  private _builtEnd = -1;
  private _current: HTMLElement | null = null;

  constructor(private readonly _model: TraceModel, private readonly _mode: () => LangMode) {
    this.element = h("details", { "data-trace": "" },
      this._summary,
      h("div", { class: "trace-bar" }, this._copy, this._status),
      this._window,
      this._wrap) as HTMLDetailsElement;
    this.element.addEventListener("toggle", () => this.update(this._pos));
    this._copy.addEventListener("click", () => void this.copy());
    this.relabel();
  }

  private _pos = -1;

  /** Labels in the current language mode; rebuilds the rows if open. */
  relabel(): void {
    const mode = this._mode();
    this._summary.replaceChildren(say(mode, "traceTable"));
    this._copy.replaceChildren(say(mode, "copy"));
    this._wrap.setAttribute("aria-label", sayAttr(mode, "traceTable"));
    this._status.textContent = "";
    this._builtEnd = -1;
    this.update(this._pos);
  }

  /** Mark the row of step `pos` as current; build or move the window when needed. */
  update(pos: number): void {
    this._pos = pos;
    if (!this.element.open) return;
    const m = this._model;
    const inWindow = pos >= this._from && pos < this._to;
    if (this._builtEnd !== m.end || !inWindow) this.build(pos);
    this._current?.removeAttribute("aria-current");
    this._current = this._wrap.querySelector<HTMLElement>(`tr[data-step="${pos}"]`);
    if (this._current !== null) {
      this._current.setAttribute("aria-current", "step");
      const row = this._current;
      const wrap = this._wrap;
      // Keep the current row in view inside the table's own scroll box only.
      if (row.offsetTop < wrap.scrollTop + 24 || row.offsetTop > wrap.scrollTop + wrap.clientHeight - 24) {
        wrap.scrollTop = row.offsetTop - wrap.clientHeight / 2;
      }
    }
  }

  private build(pos: number): void {
    const m = this._model;
    const mode = this._mode();
    const langs = langsOf(mode);
    let from = m.first;
    let to = m.end;
    if (to - from > TABLE_ROWS) {
      from = Math.max(m.first, Math.min(pos - TABLE_ROWS / 2, m.end - TABLE_ROWS));
      to = from + TABLE_ROWS;
    }
    const body = h("tbody", {});
    for (let k = from; k < to; k++) {
      const e = m.event(k);
      const cell = h("td", {});
      langs.forEach((lang, i) => {
        if (i > 0) cell.append(h("br", {}));
        cell.append(h("span", i === 0 ? { lang } : { lang, class: "alt" }, describeEvent(e, lang, m.names)));
      });
      body.append(h("tr", { "data-step": String(k) },
        h("td", { class: "num" }, String(e.iteration)), h("td", { class: "num" }, formatTime(e.time)), cell));
    }
    const head = h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, say(mode, "colIteration")),
      h("th", { scope: "col" }, say(mode, "colTime")),
      h("th", { scope: "col" }, say(mode, "colEvent"))));
    this._wrap.replaceChildren(h("table", {}, head, body));
    this._from = from;
    this._to = to;
    this._builtEnd = m.end;
    this._current = null;
    const windowed = from > m.first || to < m.end;
    this._window.hidden = !windowed;
    if (windowed) this._window.replaceChildren(say(mode, "tableWindow", { from: from + 1, to }));
  }

  /** Copy every kept event as tab-separated text. */
  async copy(): Promise<void> {
    const mode = this._mode();
    const langs = langsOf(mode);
    const textOut = traceAsText(this._model.events(), langs, this._model.names);
    try {
      await navigator.clipboard.writeText(textOut);
      this._status.replaceChildren(say(mode, "copied", { rows: this._model.end - this._model.first }));
    } catch {
      this._status.textContent = langs.map((l) => text(l, "copyFailed")).join(" ");
    }
  }
}
