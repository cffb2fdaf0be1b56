/**
 * The page's side of the sandbox boundary (the worker's side is ./worker.ts; the
 * messages are typed in ./protocol.ts).
 *
 * Every run gets a fresh Web Worker started from a `data:` URL, so the reader's code
 * runs in an opaque origin: it cannot reach the page's DOM, storage, cookies or
 * BroadcastChannels. A worker is booted ahead of time (on the reader's first sign of
 * interest, and after every run) so a click on Run only posts the program.
 *
 * A run ends exactly once — done, stopped, over a limit (./limits.ts), or failed — and ending it
 * terminates the worker on the spot, so nothing from the run outlives it, not even a
 * `while (true) {}`.
 */
import { RUN_LIMITS, isLimitName } from "./limits";
import { isFromWorker, type Clock, type FailedMessage, type RunEvent, type RunMessage } from "./protocol";
import type { RunHandle, RunListener } from "./runtime";

/** The bootstrap's one message of its own, typed here and shipped as source (below). */
const bootFailed = (detail: string): FailedMessage => ({ type: "failed", failure: { key: "runtimeFailed", detail } });

/**
 * The first script of every sandbox worker: it waits for the runtime's source and
 * imports it from a `blob:` URL, so stack frames name a short URL instead of the
 * whole `data:` one. A runtime that fails to load is reported with `bootFailed`.
 */
const BOOTSTRAP =
  `const bootFailed=${bootFailed.toString()};` +
  "onmessage=e=>{onmessage=null;import(URL.createObjectURL(new Blob([e.data.runtime],{type:'text/javascript'})))" +
  ".catch(r=>postMessage(bootFailed(String(r))))}";

let runtimeUrl = "";
let runtimeSource: Promise<string> | null = null;
let spare: Booting | null = null;

interface Booting {
  worker: Worker;
  /** Messages the worker sent before a run claimed it (at most "ready" or a boot error). */
  early: unknown[];
  ready: boolean;
}

/** Where the sandbox runtime lives (`<base>_runner/sandbox.js?v=…`); set once per page. */
export function configureSandbox(url: string): void {
  runtimeUrl = url;
}

/** Fetches the runtime's source once; a failed fetch is forgotten so the next run retries. */
function loadRuntime(): Promise<string> {
  runtimeSource ??= fetch(runtimeUrl).then((response) => {
    if (!response.ok) throw new Error(`${runtimeUrl}: HTTP ${response.status}`);
    return response.text();
  });
  runtimeSource.catch(() => {
    runtimeSource = null;
  });
  return runtimeSource;
}

function boot(runtime: string): Booting {
  const worker = new Worker(`data:text/javascript,${encodeURIComponent(BOOTSTRAP)}`, { type: "module" });
  const booting: Booting = { worker, early: [], ready: false };
  worker.onmessage = (event) => {
    if (isFromWorker(event.data) && event.data.type === "ready") booting.ready = true;
    booting.early.push(event.data);
  };
  worker.postMessage({ type: "boot", runtime });
  return booting;
}

/** Boots a worker now so the next Run starts at once. Safe to call often. */
export function prepareSandbox(): void {
  if (spare || !runtimeUrl) return;
  loadRuntime().then(
    (runtime) => {
      spare ??= boot(runtime);
    },
    () => undefined,
  );
}

export interface RunOptions {
  /** Record the loop's events for the visualizer (costs time; off by default). */
  trace?: boolean;
}

/** Starts `code` (a bundle from ./bundle-options.ts) in a fresh sandbox; `listener` gets the run's events, `end` last. */
export function startRun(code: string, clock: Clock, listener: RunListener, options: RunOptions = {}): RunHandle {
  const trace = options.trace === true;
  let worker: Worker | null = null;
  let ended = false;
  const limit = setTimeout(() => finish({ type: "end", end: { reason: "limit", limit: "time" } }), RUN_LIMITS.time.value * 1000);

  function finish(event: RunEvent & { type: "end" }): void {
    if (ended) return;
    ended = true;
    clearTimeout(limit);
    worker?.terminate();
    worker = null;
    listener(event);
    prepareSandbox();
  }

  const crashed = (key: "runtimeFailed" | "workerCrashed", detail: string): void =>
    finish({ type: "end", end: { reason: "failed", failure: { key, detail } } });

  function handle(data: unknown): void {
    if (ended || !isFromWorker(data)) return;
    switch (data.type) {
      case "output":
      case "error":
      case "trace":
        listener(data);
        break;
      case "done":
        finish({ type: "end", end: { reason: "done" } });
        break;
      case "limit":
        if (isLimitName(data.limit)) finish({ type: "end", end: { reason: "limit", limit: data.limit } });
        break;
      case "failed":
        crashed("runtimeFailed", data.failure.detail);
        break;
      case "ready":
        worker?.postMessage({ type: "run", code, clock, trace } satisfies RunMessage);
        break;
    }
  }

  function claim(booting: Booting): void {
    if (ended) {
      booting.worker.terminate();
      return;
    }
    worker = booting.worker;
    worker.onmessage = (event) => handle(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      crashed("workerCrashed", event.message || "the sandbox worker failed to start");
    };
    for (const data of booting.early) handle(data);
  }

  const ready = spare;
  spare = null;
  if (ready) {
    claim(ready);
  } else {
    loadRuntime().then(
      (runtime) => claim(boot(runtime)),
      (error: unknown) => crashed("runtimeFailed", error instanceof Error ? error.message : String(error)),
    );
  }

  return {
    stop: () => finish({ type: "end", end: { reason: "stopped" } }),
    get ended() {
      return ended;
    },
  };
}
