/**
 * The loop visualizer's entry for the page: a trace sink that holds a run's events until
 * the reader opens the panel, then loads `<loop-visualizer>` (./panel.ts) on demand and
 * feeds it live. This file stays small: it imports the panel only through `import()`.
 *
 * How the runner uses it (wired; the code is the reference):
 *
 * 1. Worker (src/runner/worker.ts): only when the run message asks (`trace: true`, see
 *    RunMessage in src/runner/protocol.ts), `createTraceCollector` from ./bridge.ts is the
 *    loop's observer, with `locate` mapping the stack through the bundle's source map
 *    (`lineFromStack`); each printed line is `note()`d; `flush()` runs before the run's
 *    last message (done, limit or error). A plain run attaches no observer at all.
 * 2. Page (src/runner/sandbox.ts): `trace` batches go to the run's `trace` callback.
 * 3. Example (src/components/example/controller.ts): the "See the loop" disclosure button
 *    imports this module on its first press, `reset({ source })`s the sink at every
 *    traced run, `accept()`s the batches, and `open()`s the panel in the example's
 *    `loop` part, below the output. The featured examples' hints are listed in
 *    src/components/example/loop-featured.ts.
 *
 * `open()` appends `<loop-visualizer>` to its host and returns it; call `setLang()` on it
 * only to override the page's language mode.
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
