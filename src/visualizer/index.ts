/**
 * The loop visualizer's entry for the page: a trace sink that holds a run's events until
 * the reader opens the panel, then loads `<loop-visualizer>` (./panel.ts) on demand and
 * feeds it live. This file stays small: it imports the panel only through `import()`.
 *
 * Plugging it into the runner (the only lines the runner needs):
 *
 * 1. Worker (src/runner/worker.ts), in `run()`, instead of `configure({ clock })`:
 *
 *      import { createTraceCollector, lineFromStack } from "../visualizer/bridge";
 *      const trace = createTraceCollector({
 *        post: (m) => scope.postMessage(m),
 *        timeOrigin,   // the run's real-clock origin, as for output lines (0 when virtual)
 *        locate: () => lineFromStack((f) => f.includes(programUrl)
 *          ? locateInStack(f, programUrl, mapper, USER_FILE)?.line ?? null : null),
 *      });
 *      asyncio.configure({ clock: message.clock, observer: trace.observer });
 *
 *    (set `timeOrigin`, `programUrl` and `mapper` before this), call `trace.note(line)`
 *    for each printed line in `emit()` (optional: the trace then shows output too), and
 *    `trace.flush()` just before posting `{ type: "done" }` or `{ type: "limit" }`.
 *    protocol.ts: add `TraceMessage` (from ../visualizer/bridge) to `FromWorker` and
 *    `"trace"` to `isFromWorker`. To skip the cost when nobody watches, send a
 *    `trace: boolean` in RunMessage and attach the observer only when it is true.
 *
 * 2. Page (the example island / controller), one sink per example:
 *
 *      import { createTraceSink } from "../../visualizer";
 *      const trace = createTraceSink();
 *      // when a run starts:            trace.reset({ source: code });  // the code that runs, edited or not
 *      // in the worker's onmessage:    if (trace.accept(e.data)) return;
 *      // a "See the loop" button:      await trace.open(panelHost);
 *
 *    `open()` appends `<loop-visualizer>` to `panelHost` (beside the output) and
 *    returns it; call `setLang()` on it only to override the page's language mode.
 */
import { isTraceMessage } from "./bridge";
import { DEFAULT_EVENT_LIMIT, RingBuffer } from "./ring";
import type { TraceEvent } from "./trace";
import type { LoopVisualizer, VisualizerOptions } from "./panel";

export type { TraceEvent } from "./trace";
export type { LoopVisualizer, VisualizerOptions } from "./panel";
export { isTraceMessage, type TraceMessage } from "./bridge";

export interface TraceSink {
  /** Take a worker message; true if it was a trace batch (the caller can stop there). */
  accept(data: unknown): boolean;
  /** A new run starts: forget the old events (and clear an open panel); `source` is its code. */
  reset(options?: VisualizerOptions): void;
  /** Load the panel (once), show the events so far, and feed it from now on. */
  open(host: HTMLElement, options?: VisualizerOptions): Promise<LoopVisualizer>;
  /** The open panel, if any. */
  readonly panel: LoopVisualizer | null;
}

/**
 * Holds a run's events (newest `limit`) until the panel opens, then forwards them live.
 * @example
 * const trace = createTraceSink();
 * worker.onmessage = (e) => { if (trace.accept(e.data)) return; … };
 * button.onclick = () => trace.open(host);
 */
export function createTraceSink(limit: number = DEFAULT_EVENT_LIMIT): TraceSink {
  let held = new RingBuffer<TraceEvent>(limit);
  let senderDropped = 0;
  let panel: LoopVisualizer | null = null;
  let options: VisualizerOptions = {};
  return {
    accept(data) {
      if (!isTraceMessage(data)) return false;
      if (panel !== null) {
        for (const e of data.events) panel.push(e);
        if (data.dropped > 0) panel.noteDropped(data.dropped);
      } else {
        for (const e of data.events) held.push(e);
        senderDropped += data.dropped;
      }
      return true;
    },
    reset(more) {
      held = new RingBuffer<TraceEvent>(limit);
      senderDropped = 0;
      options = { ...options, ...more };
      panel?.reset();
      if (more !== undefined) panel?.configure(more);
    },
    async open(host, more) {
      options = { ...options, ...more };
      if (panel === null) {
        const { LoopVisualizer: Panel } = await import("./panel");
        panel = new Panel();
        panel.configure({ ...options, limit: options.limit ?? limit });
        host.append(panel);
        panel.load(held.toArray(), held.dropped + senderDropped);
        held = new RingBuffer<TraceEvent>(1);
      } else {
        panel.configure(options);
      }
      return panel;
    },
    get panel() {
      return panel;
    },
  };
}
