/**
 * The page's side of the sandbox boundary (the worker's side is ./worker.ts; the
 * messages are typed in ./protocol.ts and checked by ./validate.ts).
 *
 * Every run gets a fresh Web Worker started from a `data:` URL, so the reader's code
 * runs in an opaque origin: it cannot reach the page's DOM, storage, cookies or
 * BroadcastChannels. The worker talks back over a MessagePort handed to the runtime at
 * boot; the page never listens to the worker's own `postMessage`, so the reader's code
 * has no way to speak to the page. Every message is validated; one that breaks the
 * protocol ends the run. Output is counted here again against the run limits
 * (./limits.ts), whatever the worker claims.
 *
 * A worker is booted ahead of time (on the reader's first sign of interest, and after
 * every run) so a click on Run only posts the program. A run ends exactly once — done,
 * stopped, over a limit, or failed — and ending it terminates the worker on the spot,
 * so nothing from the run outlives it, not even a `while (true) {}`.
 */
import { RUN_LIMITS } from "./limits";
import type { BootMessage, Clock, FailedMessage, RunEnd, RunMessage } from "./protocol";
import type { RunHandle, RunListener } from "./runtime";
import { readFromWorker } from "./validate";

/** The bootstrap's one message of its own, typed here and shipped as source (below). */
const bootFailed = (detail: string): FailedMessage => ({ type: "failed", failure: { key: "runtimeFailed", detail } });

/**
 * The first script of every sandbox worker: it waits for the boot message, imports the
 * runtime from a `blob:` URL (so stack frames name a short URL instead of the whole
 * `data:` one) and hands it the port. A runtime that fails to load says so on the port.
 */
const BOOTSTRAP =
  `const bootFailed=${bootFailed.toString()};` +
  "onmessage=e=>{onmessage=null;const p=e.data.port;" +
  "import(URL.createObjectURL(new Blob([e.data.runtime],{type:'text/javascript'})))" +
  ".then(m=>m.start(p),r=>p.postMessage(bootFailed(String(r))))}";

let runtimeUrl = "";
let runtimeSource: Promise<string> | null = null;
let spare: Booting | null = null;

interface Booting {
  worker: Worker;
  port: MessagePort;
  /** Messages the runtime sent before a run claimed it (at most "ready" or a boot failure). */
  early: unknown[];
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
  const channel = new MessageChannel();
  const booting: Booting = { worker, port: channel.port1, early: [] };
  channel.port1.onmessage = (event) => booting.early.push(event.data);
  worker.postMessage({ type: "boot", runtime, port: channel.port2 } satisfies BootMessage, [channel.port2]);
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
  let booting: Booting | null = null;
  let ended = false;
  let lines = 0;
  let chars = 0;
  const limit = setTimeout(() => finish({ reason: "limit", limit: "time" }), RUN_LIMITS.time.value * 1000);

  function finish(end: RunEnd): void {
    if (ended) return;
    ended = true;
    clearTimeout(limit);
    if (booting) {
      booting.port.onmessage = null;
      booting.port.close();
      booting.worker.terminate();
    }
    booting = null;
    listener({ type: "end", end });
    prepareSandbox();
  }

  const failed = (key: "runtimeFailed" | "workerCrashed" | "brokeRules", detail: string): void =>
    finish({ reason: "failed", failure: { key, detail } });

  function handle(data: unknown): void {
    if (ended) return;
    const checked = readFromWorker(data);
    if (!checked.ok) return failed("brokeRules", checked.problem);
    const message = checked.message;
    switch (message.type) {
      case "output":
        // Counted again here: the page holds the limits, whatever the worker sends.
        for (const line of message.lines) chars += line.text.length;
        lines += message.lines.length;
        listener(message);
        if (RUN_LIMITS.lines.over(lines)) finish({ reason: "limit", limit: "lines" });
        else if (RUN_LIMITS.chars.over(chars)) finish({ reason: "limit", limit: "chars" });
        break;
      case "error":
      case "trace":
        listener(message);
        break;
      case "done":
        finish({ reason: "done" });
        break;
      case "limit":
        finish({ reason: "limit", limit: message.limit });
        break;
      case "failed":
        failed("runtimeFailed", message.failure.detail);
        break;
      case "ready":
        booting?.port.postMessage({ type: "run", code, clock, trace } satisfies RunMessage);
        break;
    }
  }

  function claim(claimed: Booting): void {
    if (ended) {
      claimed.worker.terminate();
      return;
    }
    booting = claimed;
    claimed.port.onmessage = (event) => handle(event.data);
    claimed.port.onmessageerror = () => failed("brokeRules", "a message that could not be read");
    claimed.worker.onerror = (event) => {
      event.preventDefault();
      failed("workerCrashed", event.message || "the sandbox worker failed to start");
    };
    for (const data of claimed.early) handle(data);
  }

  const ready = spare;
  spare = null;
  if (ready) {
    claim(ready);
  } else {
    loadRuntime().then(
      (runtime) => claim(boot(runtime)),
      (error: unknown) => failed("runtimeFailed", error instanceof Error ? error.message : String(error)),
    );
  }

  return {
    stop: () => finish({ reason: "stopped" }),
    get ended() {
      return ended;
    },
  };
}
