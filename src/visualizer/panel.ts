/**
 * `<loop-visualizer>`: the loop's ready queue, timer heap, tasks and futures at each
 * step of a run, built only on the loop's observer events (see ./trace.ts). No
 * framework; load it on demand with `import("./panel")` (./index.ts does).
 *
 * API: `push(event)`, `load(events, dropped?)`, `reset()`, `setLang("ko"|"en"|"both")`,
 * `configure({ lineOf, source, limit })`, `goTo(step)`, `step(kind)`, `back(kind)`,
 * `play()`, `pause()`. Until `setLang` is called it follows `<html data-lang>`.
 * Keys (focus inside the panel): . and , step a callback forward and back, ] and [ an
 * iteration, p plays or pauses; the timeline is a range input (arrows, Home, End).
 */
import { describeEvent } from "./describe";
import { PANEL_CSS } from "./panel-css";
import { h, renderFutures, renderReady, renderTasks, renderTimers, say, sayAttr, sayEach, shownIds, type ShownIds } from "./render";
import { isMode } from "../i18n/lang";
import { formatTime, langsOf, text, type LangMode, type VisualizerKey } from "./strings";
import { TraceModel, defaultLineOf, type StopKind, type TraceEvent } from "./trace";
import { TraceTable } from "./trace-table";

export interface VisualizerOptions {
  /** The reader's source line an event maps to (default: the event's `line`, if any). */
  lineOf?: (event: TraceEvent) => number | null;
  /** The reader's code, to show the text of the mapped line. */
  source?: string;
  /** Events kept at most (default 20,000); changing it clears the panel. */
  limit?: number;
}

const SPEEDS: readonly { key: VisualizerKey; perSecond: number }[] = [
  { key: "speedSlow", perSecond: 1 },
  { key: "speedNormal", perSecond: 3 },
  { key: "speedFast", perSecond: 10 },
  { key: "speedFaster", perSecond: 30 },
];

/** Buttons: action, label, shortcut key. */
const BUTTONS: readonly { act: string; key: VisualizerKey; shortcut?: string }[] = [
  { act: "start", key: "toStart" },
  { act: "back-iteration", key: "backIteration", shortcut: "[" },
  { act: "back-callback", key: "backCallback", shortcut: "," },
  { act: "play", key: "play", shortcut: "p" },
  { act: "step-callback", key: "stepCallback", shortcut: "." },
  { act: "step-iteration", key: "stepIteration", shortcut: "]" },
];

const isLangMode: (v: unknown) => v is LangMode = isMode;

export class LoopVisualizer extends HTMLElement {
  private _model = new TraceModel();
  private _opts: VisualizerOptions = {};
  private _mode: LangMode = "both";
  private _langFixed = false;
  /** The step shown: absolute index of the last event applied (first - 1: before any). */
  private _pos = -1;
  /** Follow new events as they arrive, until the reader moves. */
  private _follow = true;
  private _timer: ReturnType<typeof setInterval> | null = null;
  private _frame = 0;
  /** The step whose state boxes are on screen (NaN: none, or to rebuild). */
  private _shownPos = Number.NaN;
  /** Handles in the queues on screen, and those of the step shown before it (to mark new ones). */
  private _shownIds: ShownIds | null = null;
  private _prevIds: ShownIds | null = null;
  private _dirty = true;
  /** Loop events (not printed lines) received in this run. */
  private _loopEvents = 0;
  private _htmlObserver: MutationObserver | null = null;
  private readonly _root: ShadowRoot;
  private readonly _els: {
    section: HTMLElement; title: HTMLElement; time: HTMLElement; iteration: HTMLElement;
    timeLabel: HTMLElement; iterLabel: HTMLElement; controls: HTMLElement; buttons: Map<string, HTMLButtonElement>;
    speed: HTMLSelectElement; speedLabel: HTMLElement; range: HTMLInputElement; rangeLabel: HTMLElement;
    stepOut: HTMLElement; summary: HTMLElement; code: HTMLElement; grid: HTMLElement; note: HTMLElement; keys: HTMLElement;
  };
  private readonly _table: TraceTable;

  constructor() {
    super();
    this._root = this.attachShadow({ mode: "open" });
    const buttons = new Map<string, HTMLButtonElement>();
    for (const b of BUTTONS) {
      const el = h("button", { type: "button", "data-act": b.act, class: b.act === "play" ? "primary" : "" }) as HTMLButtonElement;
      if (b.shortcut) el.setAttribute("aria-keyshortcuts", b.shortcut);
      el.addEventListener("click", () => this.act(b.act));
      buttons.set(b.act, el);
    }
    const speed = h("select", { "data-speed": "" }) as HTMLSelectElement;
    SPEEDS.forEach((s, i) => speed.append(h("option", { value: String(s.perSecond), ...(i === 1 ? { selected: "" } : {}) })));
    speed.addEventListener("change", () => { if (this._timer !== null) this.play(); });
    const range = h("input", { type: "range", id: "timeline", min: "-1", max: "-1", step: "1", value: "-1" }) as HTMLInputElement;
    range.addEventListener("input", () => this.goTo(Number(range.value)));
    this._els = {
      section: h("section", { class: "viz", "aria-labelledby": "viz-title" }),
      title: h("h2", { id: "viz-title" }),
      time: h("dd", { "data-time": "" }), iteration: h("dd", { "data-iteration": "" }),
      timeLabel: h("dt", {}), iterLabel: h("dt", {}),
      controls: h("div", { class: "controls", role: "group" }),
      buttons, speed, speedLabel: h("span", {}), range,
      rangeLabel: h("label", { for: "timeline", class: "sr-only" }),
      // An <output> is a live region by itself; the summary below already says each step
      // (and keeps quiet while playing), so this one stays silent.
      stepOut: h("output", { for: "timeline", "aria-live": "off" }),
      summary: h("p", { class: "summary", "aria-live": "polite", "aria-atomic": "true", "data-summary": "" }),
      code: h("p", { class: "code", hidden: "", "data-code": "" }),
      grid: h("div", { class: "grid", "data-state": "" }),
      note: h("p", { class: "note", hidden: "", "data-note": "" }),
      keys: h("p", { class: "keys" }),
    };
    this._table = new TraceTable(this._model, () => this._mode);
    const e = this._els;
    e.controls.append(...buttons.values(), h("label", { class: "speed" }, e.speedLabel, speed));
    e.section.append(
      h("div", { class: "head" }, e.title, h("dl", { class: "clock" }, h("div", {}, e.timeLabel, e.time), h("div", {}, e.iterLabel, e.iteration))),
      e.controls,
      h("div", { class: "timeline" }, e.rangeLabel, range, e.stepOut),
      e.summary, e.code, e.grid, e.note, this._table.element, e.keys);
    this._root.append(h("style", {}, PANEL_CSS), e.section);
    this.addEventListener("keydown", (ev) => this.onKey(ev));
    this.relabel();
  }

  connectedCallback(): void {
    if (!this._langFixed) this.followPageLang();
    this.render();
  }

  disconnectedCallback(): void {
    this.pause();
    this._htmlObserver?.disconnect();
    this._htmlObserver = null;
  }

  /** Add one event (live, as the run goes). */
  push(event: TraceEvent): void {
    this._model.push(event);
    if (event.type !== "output") this._loopEvents++;
    if (this._follow) this._pos = this._model.end - 1;
    this.schedule();
  }

  /** Show a whole recorded run, from its start. `dropped`: events the sender already let go. */
  load(events: readonly TraceEvent[], dropped = 0): void {
    this.reset();
    for (const ev of events) {
      this._model.push(ev);
      if (ev.type !== "output") this._loopEvents++;
    }
    this._senderDropped = dropped;
    this._follow = events.length === 0; // opened before the run: follow it live
    this._pos = this._model.first - 1;
    this.render();
  }

  /** Events the sender (the worker's collector) dropped before they reached the panel. */
  private _senderDropped = 0;

  /** Count events dropped before they reached the panel (the worker's own bound). */
  noteDropped(count: number): void {
    this._senderDropped += count;
    this.schedule();
  }

  /** Forget the run: a new one is starting. */
  reset(): void {
    this.pause();
    this._model.reset();
    this._senderDropped = 0;
    this._pos = -1;
    this._follow = true;
    this._loopEvents = 0;
    this._shownIds = null;
    this._prevIds = null;
    this._shownPos = Number.NaN;
    this.render();
  }

  /** Show Korean, English or both; stops following the page's language mode. */
  setLang(mode: LangMode): void {
    if (!isLangMode(mode)) throw new TypeError(`setLang expects "ko", "en" or "both", got ${String(mode)}`);
    this._langFixed = true;
    this._htmlObserver?.disconnect();
    this._mode = mode;
    this.relabel();
  }

  configure(opts: VisualizerOptions): void {
    const limitChanged = opts.limit !== undefined && opts.limit !== this._model.limit;
    this._opts = { ...this._opts, ...opts };
    if (limitChanged) {
      this._model = new TraceModel(opts.limit);
      this.reset();
    }
    this.render();
  }

  /** The step shown (absolute event index; first - 1 is "before the first event"). */
  get position(): number {
    return this._pos;
  }

  get model(): TraceModel {
    return this._model;
  }

  /** True while the panel moves to each new event as it arrives (until the reader moves). */
  get following(): boolean {
    return this._follow;
  }

  /**
   * Moves the keyboard's focus to the panel's heading (focusable by script only), for a
   * reader whose focus would otherwise stay on a control scrolled out of sight.
   */
  focusTitle(): void {
    const title = this._els.title;
    title.tabIndex = -1;
    title.focus({ preventScroll: true });
  }

  goTo(step: number): void {
    const m = this._model;
    this._pos = Math.max(m.first - 1, Math.min(m.end - 1, Math.trunc(step)));
    this._follow = false;
    this.render();
  }

  /** Forward to the next stop; at the very end, start over from the beginning. */
  step(kind: StopKind): void {
    const m = this._model;
    if (m.end === 0) return;
    const from = this._pos >= m.end - 1 ? m.first - 1 : this._pos;
    this.goTo(m.nextStop(from, kind));
  }

  back(kind: StopKind): void {
    this.goTo(this._pos <= this._model.first ? this._model.first - 1 : this._model.prevStop(this._pos, kind));
  }

  play(): void {
    this.pauseTimer();
    if (this._pos >= this._model.end - 1) this.goTo(this._model.first - 1);
    const perSecond = Number(this._els.speed.value) || 3;
    this._timer = setInterval(() => {
      if (this._pos >= this._model.end - 1) this.pause();
      else this.step("callback");
    }, 1000 / perSecond);
    this._els.summary.setAttribute("aria-live", "off"); // no torrent of announcements while playing
    this.relabelPlay();
  }

  pause(): void {
    this.pauseTimer();
    this._els.summary.setAttribute("aria-live", "polite");
    this.relabelPlay();
  }

  private pauseTimer(): void {
    if (this._timer !== null) clearInterval(this._timer);
    this._timer = null;
  }

  private act(act: string): void {
    switch (act) {
      case "start": this.pause(); this.goTo(this._model.first - 1); break;
      case "back-iteration": this.back("iteration"); break;
      case "back-callback": this.back("callback"); break;
      case "play": if (this._timer === null) this.play(); else this.pause(); break;
      case "step-callback": this.step("callback"); break;
      case "step-iteration": this.step("iteration"); break;
    }
  }

  private onKey(ev: KeyboardEvent): void {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const act = BUTTONS.find((b) => b.shortcut === ev.key.toLowerCase())?.act;
    if (act === undefined) return;
    ev.preventDefault();
    this.act(act);
  }

  private followPageLang(): void {
    const read = (): void => {
      const v = document.documentElement.dataset.lang;
      const mode = isLangMode(v) ? v : "both";
      if (mode !== this._mode) {
        this._mode = mode;
        this.relabel();
      }
    };
    read();
    this._htmlObserver ??= new MutationObserver(read);
    this._htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ["data-lang"] });
  }

  /** Every fixed label, in the current language mode. */
  private relabel(): void {
    const mode = this._mode;
    const e = this._els;
    e.section.setAttribute("lang", mode === "en" ? "en" : "ko");
    e.section.classList.toggle("both", mode === "both");
    e.title.replaceChildren(say(mode, "title"));
    e.timeLabel.replaceChildren(say(mode, "loopTime"));
    e.iterLabel.replaceChildren(say(mode, "iteration"));
    e.controls.setAttribute("aria-label", sayAttr(mode, "controls"));
    for (const b of BUTTONS) if (b.act !== "play") e.buttons.get(b.act)?.replaceChildren(say(mode, b.key));
    this.relabelPlay();
    e.speedLabel.replaceChildren(say(mode, "speed"));
    SPEEDS.forEach((s, i) => { e.speed.options[i].textContent = sayAttr(mode, s.key); });
    e.rangeLabel.replaceChildren(say(mode, "timeline"));
    e.keys.replaceChildren(say(mode, "keys"));
    this._table.relabel();
    this._dirty = true; // rebuild the state boxes in the new language
    this.render();
  }

  private relabelPlay(): void {
    const button = this._els.buttons.get("play");
    button?.replaceChildren(say(this._mode, this._timer === null ? "play" : "pause"));
  }

  private schedule(): void {
    if (this._frame !== 0) return;
    const run = (): void => {
      this._frame = 0;
      this.render();
    };
    this._frame = typeof requestAnimationFrame === "function" ? requestAnimationFrame(run) : (setTimeout(run, 16) as unknown as number);
  }

  /** Paint the step `_pos`. */
  private render(): void {
    if (this._frame !== 0) {
      if (typeof cancelAnimationFrame === "function") cancelAnimationFrame(this._frame);
      this._frame = 0;
    }
    const m = this._model;
    const e = this._els;
    const mode = this._mode;
    const empty = m.end === 0;
    const s = m.stateAt(Math.max(this._pos, m.first - 1));
    const total = m.end - m.first;
    const shown = this._pos - (m.first - 1);
    e.range.min = String(m.first - 1);
    e.range.max = String(Math.max(m.first - 1, m.end - 1));
    e.range.value = String(this._pos);
    e.range.disabled = empty;
    e.stepOut.replaceChildren(say(mode, "stepOf", { step: shown, total }));
    e.time.replaceChildren(say(mode, "seconds", { time: formatTime(s.time) }));
    e.iteration.textContent = String(s.iteration);
    for (const [act, b] of e.buttons) {
      const atStart = this._pos <= m.first - 1;
      b.disabled = empty || ((act === "start" || act.startsWith("back")) && atStart);
    }
    const ev = this._pos >= m.first ? m.event(this._pos) : null;
    // Before the first event there is no iteration to count ("0번째 바퀴" reads wrong).
    const summaryText = (lang: "ko" | "en"): string =>
      ev === null
        ? text(lang, "summaryStart", { total })
        : text(lang, "summary", { step: shown, total, iteration: s.iteration, time: formatTime(s.time), event: describeEvent(ev, lang, m.names) });
    e.summary.replaceChildren(empty ? say(mode, "waitingForRun") : sayEach(mode, summaryText));
    e.range.setAttribute("aria-valuetext", langsOf(mode).map(summaryText).join(" / "));
    this.renderCode();
    if (this._shownPos !== this._pos || this._dirty) {
      const ids = shownIds(s);
      // "New" means: not in that list at the step shown before this one (a timer that
      // came due shows as new in the ready queue).
      if (this._shownPos !== this._pos) this._prevIds = this._shownIds;
      const prev = this._prevIds ?? ids;
      e.grid.replaceChildren(
        renderReady(mode, s, prev.ready), renderTimers(mode, s, prev.timers),
        renderTasks(mode, s, m.names), renderFutures(mode, s, m.names));
      this._shownIds = ids;
      this._shownPos = this._pos;
      this._dirty = false;
    }
    const noLoop = !empty && this._loopEvents === 0 && m.dropped === 0;
    const dropped = m.dropped + this._senderDropped;
    e.note.hidden = !noLoop && dropped === 0;
    if (noLoop) e.note.replaceChildren(say(mode, "noLoop"));
    else if (dropped > 0) e.note.replaceChildren(say(mode, "dropped", { kept: total, dropped }));
    this._table.update(this._pos);
  }

  private renderCode(): void {
    const el = this._els.code;
    const line = this._pos >= this._model.first ? this._model.lineAt(this._pos, this._opts.lineOf ?? defaultLineOf) : null;
    el.hidden = line === null;
    if (line === null) return;
    const source = this._opts.source?.split("\n")[line - 1]?.trim();
    el.replaceChildren(say(this._mode, "codeLine"), ": ", say(this._mode, "lineNo", { line }), source ? " " : "", source ? h("code", {}, source) : "");
  }
}

if (typeof customElements !== "undefined" && customElements.get("loop-visualizer") === undefined) {
  customElements.define("loop-visualizer", LoopVisualizer);
}

declare global {
  interface HTMLElementTagNameMap {
    "loop-visualizer": LoopVisualizer;
  }
}
