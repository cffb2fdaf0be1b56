/**
 * Runs go first. While any example on the page is running (bundling, running, or still
 * drawing its output: its `data-state` is "running"), the type service neither starts
 * nor keeps booting: a booting service is a 4 MB script to evaluate, and on a two-core
 * machine it would take the CPU the run and the page need. Once no run is in flight and
 * the page is idle, the service may go on.
 *
 *   const stop = watchRuns((running) => (running ? client.hold() : client.release()));
 */

import { whenIdle } from "../lib/idle";

const EXAMPLES = "asyncio-example";

/** True while some example on the page is running. */
export function runInFlight(): boolean {
  return document.querySelector(`${EXAMPLES}[data-state="running"]`) !== null;
}

/**
 * Calls `listener(true)` as soon as a run starts anywhere on the page (in the same
 * microtask checkpoint as the click that started it, before any bundling), and
 * `listener(false)` once no run is in flight and the page has been idle. Returns a stop.
 */
export function watchRuns(listener: (running: boolean) => void): () => void {
  let running = runInFlight();
  let cancelIdle: (() => void) | null = null;
  const check = (): void => {
    const now = runInFlight();
    if (now === running) return;
    running = now;
    cancelIdle?.();
    cancelIdle = null;
    if (now) listener(true);
    else
      cancelIdle = whenIdle(() => {
        cancelIdle = null;
        if (!runInFlight()) listener(false);
      });
  };
  const observer = new MutationObserver(check);
  for (const example of document.querySelectorAll(EXAMPLES)) {
    observer.observe(example, { attributes: true, attributeFilter: ["data-state"] });
  }
  return () => {
    observer.disconnect();
    cancelIdle?.();
  };
}
