/**
 * The worker's printer: what `console.*` prints becomes output lines, bounded before
 * anything is sent — each line at OUTPUT_BOUNDS.lineChars (the rest counted in `cut`),
 * each run at RUN_LIMITS.lines lines and RUN_LIMITS.chars characters, each message at
 * OUTPUT_BOUNDS.messageLines / messageChars. A 50 MB string costs one scan in the
 * worker and at most one line's worth of text on the wire.
 *
 *   const out = new Printer(post, () => loop?.time() ?? null);
 *   out.print("log", "hello\nworld"); // two lines, sent now or in the next batch
 */
import { OUTPUT_BOUNDS, RUN_LIMITS } from "./limits";
import type { FromWorker, OutputLevel, OutputLine } from "./protocol";

/** Flush printed lines at least this often while a program prints without pausing (ms). */
const FLUSH_INTERVAL_MS = 30;
/**
 * Posts sent at once, one per print, in each FLUSH_INTERVAL_MS window; only prints beyond
 * these wait for a batch. A line that waits goes out in a microtask, and a microtask never
 * runs if the program then spins (`console.log("x"); while (true) {}`): the page would end
 * that run without ever seeing "x". A program printing at a reader's pace never waits.
 */
const EAGER_POSTS = 16;

export class Printer {
  private pending: OutputLine[] = [];
  private pendingChars = 0;
  private windowStart = Number.NEGATIVE_INFINITY;
  private postsInWindow = 0;
  private flushQueued = false;
  private lines = 0;
  private chars = 0;
  /** True once a limit is reached: nothing more is printed or reported. */
  silenced = false;
  /** Called with every line kept (the trace collector notes them). */
  onLine: ((text: string) => void) | null = null;

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly time: () => number | null,
    /** Sends everything else waiting (trace events) before a limit message. */
    private readonly flushOthers: () => void = () => undefined,
  ) {}

  print(level: OutputLevel, text: string): void {
    if (this.silenced) return;
    const time = this.time();
    let at = 0;
    for (;;) {
      const newline = text.indexOf("\n", at);
      const end = newline === -1 ? text.length : newline;
      const room = RUN_LIMITS.chars.value - this.chars;
      const shown = Math.min(end - at, OUTPUT_BOUNDS.lineChars, room);
      const line = text.slice(at, at + shown);
      this.pending.push({ level, text: line, time, cut: end - at - shown });
      this.pendingChars += shown;
      this.lines++;
      this.chars += shown;
      this.onLine?.(line);
      if (this.lines >= RUN_LIMITS.lines.value) return this.stop("lines");
      if (shown === room && end - at > shown) return this.stop("chars");
      if (newline === -1) break;
      if (this.pending.length >= OUTPUT_BOUNDS.messageLines || this.pendingChars >= OUTPUT_BOUNDS.messageChars) this.flush();
      at = newline + 1;
    }
    const now = performance.now();
    if (now - this.windowStart >= FLUSH_INTERVAL_MS) {
      this.windowStart = now;
      this.postsInWindow = 0;
    }
    if (this.pending.length >= 200 || this.pendingChars >= OUTPUT_BOUNDS.messageChars || this.postsInWindow < EAGER_POSTS) {
      this.flush();
    } else if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Sends the lines waiting, in messages within OUTPUT_BOUNDS. */
  flush(): void {
    this.flushQueued = false;
    while (this.pending.length > 0) {
      let count = 0;
      let size = 0;
      while (count < this.pending.length && count < OUTPUT_BOUNDS.messageLines && size < OUTPUT_BOUNDS.messageChars) {
        size += this.pending[count].text.length;
        count++;
      }
      this.postsInWindow++;
      this.post({ type: "output", lines: this.pending.slice(0, count) });
      this.pending = this.pending.slice(count);
    }
    this.pendingChars = 0;
  }

  private stop(limit: "lines" | "chars"): void {
    this.silenced = true;
    this.flush();
    this.flushOthers();
    this.post({ type: "limit", limit });
  }
}
