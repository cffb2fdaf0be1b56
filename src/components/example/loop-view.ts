/**
 * "See the loop": a disclosure button for the loop visualizer's panel (src/visualizer/).
 * Opening it loads the visualizer's trace sink and its `<loop-visualizer>` panel, and
 * runs the code again in Instant mode with a trace (unless the last run of this very
 * code was traced: then its trace is shown). While the panel is open every Run is
 * traced and feeds it live; while it is closed runs are plain, with no observer on the
 * loop at all. Switching the code tab does not run anything: a note over the panel says
 * whose run the trace shows until the next Run.
 *
 *   new LoopView(session, button(root, "loop"), part(root, "loop"), root);
 */
import type { Clock, Language } from "../../runner/protocol";
import type { TraceSink } from "../../visualizer";
import type { RunSession } from "./session";
import { bilingual, say, type Words } from "./words";
import { scrollOwnDocument } from "./embed-follow";

export class LoopView {
  private open = false;
  private sink: TraceSink | null = null;
  private sinkLoading: Promise<TraceSink> | null = null;
  /** The current (or last) run records a trace; its code and clock. */
  private tracing = false;
  private ranCode = "";
  private ranClock: Clock = "virtual";
  /** The language of the run the sink holds a trace of, or null before any traced run. */
  private tracedLanguage: Language | null = null;
  /** The code whose whole run the sink holds (a traced run that ended by itself), or null. */
  private tracedCode: string | null = null;
  /** Scroll the panel into view when the run its opening started ends. */
  private revealOnEnd = false;
  /** The panel was opened from the keyboard (the toggle had visible focus). */
  private keyboardOpen = false;

  constructor(
    private readonly session: RunSession,
    private readonly toggle: HTMLButtonElement,
    private readonly host: HTMLElement,
    private readonly root: HTMLElement,
    /** Calls back when the output has drawn every row it holds. */
    private readonly afterOutput: (then: () => void) => void,
  ) {
    toggle.addEventListener("click", () => void this.flip());
    // A featured example's hint tells what to watch in its own code: not in an edit of it.
    const hint = root.querySelector<HTMLElement>(".ex-loop-hint");
    const describedBy = toggle.getAttribute("aria-describedby");
    const syncHint = (): void => {
      if (!hint) return;
      hint.hidden = session.edited();
      if (hint.hidden) toggle.removeAttribute("aria-describedby");
      else if (describedBy) toggle.setAttribute("aria-describedby", describedBy);
    };
    session.wantsTrace = () => this.open && this.sink !== null;
    session.listen((change) => {
      if (change.type === "start") {
        this.tracing = change.tracing;
        this.tracedCode = null;
        this.ranCode = change.code;
        this.ranClock = change.clock;
        if (change.tracing && this.sink) {
          this.sink.reset({ source: change.code });
          this.tracedLanguage = change.language;
        }
        this.noteOtherTab();
      } else if (change.type === "run") {
        const event = change.event;
        if (event.type === "trace") this.sink?.accept(event);
        if (event.type === "end" && this.tracing && event.end.reason !== "problems") this.tracedRunEnded(event.end.reason);
      } else if (change.type === "language") {
        this.noteOtherTab();
        syncHint();
      } else if (change.type === "code") {
        syncHint();
      }
    });
  }

  private async flip(): Promise<void> {
    if (this.open) {
      this.open = false;
      this.toggle.setAttribute("aria-expanded", "false");
      this.host.hidden = true;
      this.sink?.panel?.pause();
      return;
    }
    this.open = true;
    this.keyboardOpen = document.activeElement === this.toggle && this.toggle.matches(":focus-visible");
    this.toggle.setAttribute("aria-expanded", "true");
    this.host.hidden = false;
    const reuse = this.tracedCode !== null && this.tracedCode === this.session.code() && this.session.state !== "running";
    if (!this.sink?.panel) this.status(say("loopLoading"));
    try {
      await this.loadSink();
    } catch (error) {
      this.failed(error);
      return;
    }
    if (!this.open) return; // closed again while loading
    // Record a fresh run while the panel loads: on the virtual clock (Instant), so the
    // whole run is there at once, ready to step through.
    let running: Promise<void> | null = null;
    if (!reuse) {
      const instant = this.root.querySelector<HTMLInputElement>('.ex-clock input[value="virtual"]');
      if (instant) instant.checked = true;
      running = this.session.start();
    }
    try {
      await this.sink?.open(this.host);
    } catch (error) {
      this.failed(error);
      return;
    } finally {
      await running;
    }
    this.host.querySelector(".ex-loop-status")?.remove();
    this.noteOtherTab();
    if (reuse) this.reveal();
    else this.revealOnEnd = true; // the output is still growing above the panel
  }

  /**
   * The panel sits below the output: bring its head into view if it is out of sight. Opened
   * from the keyboard, the focus goes along to the panel's heading, as the toggle it was
   * on has just scrolled away.
   */
  private reveal(): void {
    if (this.open && this.host.getBoundingClientRect().top > window.innerHeight - 160) {
      // An embed scrolls its own frame only: scrollIntoView would move the course page too.
      if (this.root.dataset.variant === "embed") scrollOwnDocument(this.host, 0);
      else this.host.scrollIntoView({ block: "start" });
      if (this.keyboardOpen && document.activeElement === this.toggle) this.sink?.panel?.focusTitle();
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
  private tracedRunEnded(reason: string): void {
    if (reason === "done" || reason === "limit") this.tracedCode = this.ranCode;
    const panel = this.sink?.panel;
    if (panel && this.ranClock === "virtual" && panel.following) panel.goTo(panel.model.first - 1);
    if (this.revealOnEnd) {
      this.revealOnEnd = false;
      this.afterOutput(() => this.reveal());
    }
  }

  /**
   * Over an open panel whose trace is of the other tab's code (the reader switched tabs
   * since): a note saying so, until the next Run records this tab's. Otherwise none.
   */
  private noteOtherTab(): void {
    const from = this.tracedLanguage;
    const other = this.open && this.sink?.panel && from !== null && from !== this.session.language;
    let note = this.host.querySelector<HTMLElement>(".ex-loop-note");
    if (!other) {
      note?.remove();
      return;
    }
    if (!note) {
      note = document.createElement("p");
      note.className = "ex-loop-status ex-loop-note";
      note.setAttribute("role", "status");
      this.host.prepend(note);
    }
    note.replaceChildren(bilingual(say(from === "py" ? "loopFromPy" : "loopFromTs")));
  }

  /** A line in the loop view's place while its panel is not there yet. */
  private status(words: Words, fail = false): void {
    let status = this.host.querySelector<HTMLElement>(".ex-loop-status");
    if (!status) {
      status = document.createElement("p");
      status.setAttribute("role", "status");
      this.host.prepend(status);
    }
    status.className = fail ? "ex-loop-status ex-loop-status--fail" : "ex-loop-status";
    status.replaceChildren(bilingual(words));
  }

  private failed(error: unknown): void {
    const detail = error instanceof Error ? error.message : String(error);
    this.status(say("loopFailed", { detail }), true);
    console.error("asyncio-example: the loop view did not load", error);
  }
}
