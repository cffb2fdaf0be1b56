/**
 * The page's side of the Python sandbox (the worker's side is ./worker.ts; messages in
 * ./protocol.ts). The same rules as the TypeScript sandbox (../sandbox.ts): a fresh
 * Web Worker from a `data:` URL for every run, booted ahead of time, ended by
 * terminating it, so `while True: pass` ends the moment the reader presses Stop.
 *
 * Pyodide's files are fetched on the first request for Python (never on page load) from
 * the site's own `_runner/` and kept in memory: the wasm fetched and compiled once, off
 * the page's thread, and handed to every worker; the standard library (also fetched off
 * the page's thread) and the glue copied to each. After the first run
 * a booted worker (CPython started, about 1 s) always waits for the next Run.
 */
import type { RunnerPaths } from "../paths";
import { RUN_LIMITS } from "../limits";
import type { Clock, CodeProblem, Failure, RunEvent } from "../protocol";
import type { RunHandle, RunListener } from "../runtime";
import { BOOT_GLOBAL, BOOT_QUEUE } from "./boot-global";
import { isPythonMessage, type FromPythonWorker, type PyodideBinaries, type PythonBootMessage, type ToPythonWorker } from "./protocol";

// The first message boots; later ones (the binaries) wait in a queue until the runtime takes over.
const BOOTSTRAP =
  `onmessage=e=>{const q=[];onmessage=m=>q.push(m.data);self[${JSON.stringify(BOOT_QUEUE)}]=q;` +
  `self[${JSON.stringify(BOOT_GLOBAL)}]=e.data;` +
  "import(URL.createObjectURL(new Blob([e.data.runtime],{type:'text/javascript'})))" +
  ".catch(r=>e.data.port.postMessage({type:'failed',failure:{key:'runtimeFailed',detail:String(r)}}))}";

/**
 * The helper that fetches the two big files and compiles the wasm: URLs in; the compiled
 * module and the standard library as a Blob out, or an error's name and message. A
 * response body is handed to the thread that fetched it, so fetching here keeps 21 MB
 * of bodies off the page's thread (each arrived there as one 40–50 ms task). A Blob is
 * posted by reference: handing the 11.8 MB library to each sandbox worker costs the page
 * about 0.1 ms, where an ArrayBuffer was copied each time (8–25 ms measured in
 * Chromium). Its `get` fails with `fetchOk`'s message (the worker cannot call it).
 */
const FETCHER =
  "const get=async u=>{const r=await fetch(u);if(!r.ok)throw new Error(u+': HTTP '+r.status);return r};" +
  "onmessage=e=>Promise.all([get(e.data.wasm).then(r=>r.arrayBuffer()).then(b=>WebAssembly.compile(b)),get(e.data.stdlib).then(r=>r.blob())])" +
  ".then(([wasm,stdlib])=>postMessage({wasm,stdlib}),r=>postMessage({name:r?.name??'Error',message:r?.message??String(r)}))";

/** The scripts a worker evaluates first. */
interface Scripts {
  runtime: string;
  asmJs: string;
}

/** Pyodide's files, fetched once: scripts and binaries settle separately (a worker starts on the scripts). */
interface Loading {
  scripts: Promise<Scripts>;
  binaries: Promise<Omit<PyodideBinaries, "type">>;
  all: Promise<unknown>;
}

interface Booting {
  worker: Worker;
  port: MessagePort;
  /** Resolves when CPython is up (false: the worker failed to start). */
  ready: Promise<boolean>;
  early: FromPythonWorker[];
  listener: ((message: FromPythonWorker) => void) | null;
  checks: Map<number, (problem: CodeProblem | null) => void>;
}

let paths: RunnerPaths | null = null;
let loading: Loading | null = null;
let loaded = false;
let spare: Booting | null = null;
let checkIds = 0;

export function configurePythonSandbox(runnerPaths: RunnerPaths): void {
  paths = runnerPaths;
}

/** True once Pyodide's files are in memory (a Run starts without downloading). */
export function pythonLoaded(): boolean {
  return loaded;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/**
 * Fetches Pyodide's wasm and standard library in a helper worker, which also compiles the
 * wasm: compiling 9 MB on the page's thread stalled it for 0.5–1.7 s even with
 * `compileStreaming`. The compiled module comes back shared, not copied, and is handed to
 * every sandbox worker. The helper starts from a `blob:` URL, so it has the page's origin:
 * its requests are same-origin, and the site's service worker answers them offline.
 */
async function fetchBinaries(wasmUrl: string, stdlibUrl: string): Promise<Omit<PyodideBinaries, "type">> {
  const script = URL.createObjectURL(new Blob([FETCHER], { type: "text/javascript" }));
  const helper = new Worker(script);
  URL.revokeObjectURL(script); // the worker already holds the script
  try {
    return await new Promise((resolve, reject) => {
      helper.onmessage = (event: MessageEvent<unknown>) => {
        const data = event.data as { wasm?: unknown; stdlib?: unknown; name?: unknown; message?: unknown };
        if (data.wasm instanceof WebAssembly.Module && data.stdlib instanceof Blob) {
          resolve({ wasm: data.wasm, stdlib: data.stdlib });
          return;
        }
        const error = new Error(String(data.message)); // e.g. "TypeError: Failed to fetch" when shown
        error.name = String(data.name);
        reject(error);
      };
      helper.onerror = (event) => reject(new Error(event.message || "the Pyodide fetcher worker failed"));
      // Absolute URLs: a relative one would resolve against the helper's blob: URL.
      helper.postMessage({ wasm: new URL(wasmUrl, location.href).href, stdlib: new URL(stdlibUrl, location.href).href });
    });
  } finally {
    helper.terminate();
  }
}

/**
 * Why a run could not start: CPython's files not downloaded for want of a network (they
 * are downloaded once, online, then kept) gets its own words; anything else is the
 * runner's failure to start, with the browser's detail.
 *
 *   startFailure(Object.assign(new Error("Failed to fetch"), { name: "TypeError" })).key; // "pythonDownload"
 */
export function startFailure(error: unknown): Failure {
  const detail = String(error);
  const offline = (error instanceof Error && error.name === "TypeError") || (typeof navigator !== "undefined" && navigator.onLine === false);
  return { key: offline ? "pythonDownload" : "runtimeFailed", detail };
}

/** Fetches the runtime and Pyodide's files once; a failure is forgotten so the next run retries. */
function load(): Loading {
  if (loading) return loading;
  if (!paths) {
    const failed = Promise.reject(new Error("the Python sandbox is not configured"));
    return { scripts: failed, binaries: failed, all: failed };
  }
  const p = paths;
  const scripts = Promise.all([
    fetchOk(p.python()).then((r) => r.text()),
    fetchOk(p.pyodide("pyodide.asm.js")).then((r) => r.text()),
  ]).then(([runtime, asmJs]) => ({ runtime, asmJs }));
  const binaries = fetchBinaries(p.pyodide("pyodide.asm.wasm"), p.pyodide("python_stdlib.zip"));
  const all = Promise.all([scripts, binaries]);
  const current: Loading = { scripts, binaries, all };
  loading = current;
  all.then(
    () => (loaded = true),
    () => {
      if (loading === current) loading = null;
    },
  );
  return current;
}

/**
 * Starts a worker on the scripts; the binaries follow over its port when they are
 * ready (posted to the worker), so it evaluates Pyodide's glue while the page still
 * compiles the wasm.
 */
function boot({ runtime, asmJs }: Scripts, binaries: Loading["binaries"]): Booting {
  const worker = new Worker(`data:text/javascript,${encodeURIComponent(BOOTSTRAP)}`, { type: "module" });
  const channel = new MessageChannel();
  let settle: (ok: boolean) => void = () => undefined;
  const booting: Booting = {
    worker,
    port: channel.port1,
    ready: new Promise((resolve) => (settle = resolve)),
    early: [],
    listener: null,
    checks: new Map(),
  };
  channel.port1.onmessage = (event) => {
    const data: unknown = event.data;
    // Anything off the protocol ends the run (or the spare) as a crash.
    const message: FromPythonWorker = isPythonMessage(data)
      ? data
      : { type: "failed", failure: { key: "workerCrashed", detail: "the program broke the runner's rules" } };
    if (message.type === "ready") settle(true);
    if (message.type === "failed") settle(false);
    if (message.type === "checked") {
      booting.checks.get(message.id)?.(message.problem);
      booting.checks.delete(message.id);
      return;
    }
    if (booting.listener) booting.listener(message);
    else booting.early.push(message);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const message: FromPythonWorker = { type: "failed", failure: { key: "workerCrashed", detail: event.message || "the worker failed" } };
    settle(false);
    if (booting.listener) booting.listener(message);
    else booting.early.push(message);
  };
  const bootMessage: PythonBootMessage = { type: "boot", runtime, asmJs, port: channel.port2 };
  worker.postMessage(bootMessage, [channel.port2]);
  binaries.then(
    // Neither is copied: the module is shared, the stdlib is a Blob (see FETCHER).
    ({ wasm, stdlib }) => worker.postMessage({ type: "binaries", wasm, stdlib } satisfies PyodideBinaries),
    (error: unknown) => {
      settle(false);
      const message: FromPythonWorker = { type: "failed", failure: startFailure(error) };
      if (booting.listener) booting.listener(message);
      else booting.early.push(message);
    },
  );
  return booting;
}

/** Boots a spare worker if Pyodide is already in memory (never downloads on its own). */
export function preparePython(): void {
  if (spare || !loaded || !loading) return;
  const { scripts, binaries } = loading;
  void scripts.then((ready) => {
    spare ??= boot(ready, binaries);
  }, () => undefined);
}

/**
 * Compiles `code` in the spare worker without running it; null when it compiles, or
 * when CPython is not loaded yet (a check never downloads it).
 */
export async function checkPython(code: string): Promise<CodeProblem | null | undefined> {
  preparePython();
  const target = spare;
  if (!target || !(await target.ready)) return undefined;
  const id = ++checkIds;
  return new Promise((resolve) => {
    target.checks.set(id, resolve);
    target.port.postMessage({ type: "check", id, code } satisfies ToPythonWorker);
  });
}

/** Runs `code` on CPython in a fresh worker; `listener` gets the protocol's events, `end` last. */
export function startPythonRun(code: string, clock: Clock, trace: boolean, listener: RunListener): RunHandle {
  let booting: Booting | null = null;
  let ended = false;
  let limit: ReturnType<typeof setTimeout> | null = null;

  function finish(event: RunEvent & { type: "end" }): void {
    if (ended) return;
    ended = true;
    if (limit !== null) clearTimeout(limit);
    booting?.worker.terminate();
    booting = null;
    listener(event);
    preparePython();
  }

  function handle(message: FromPythonWorker): void {
    if (ended) return;
    switch (message.type) {
      case "output":
      case "error":
      case "trace":
      case "problems":
        listener(message);
        if (message.type === "problems") finish({ type: "end", end: { reason: "problems" } });
        break;
      case "done":
        finish({ type: "end", end: message.status === undefined ? { reason: "done" } : { reason: "done", status: message.status } });
        break;
      case "limit":
        finish({ type: "end", end: { reason: "limit", limit: message.limit } });
        break;
      case "failed":
        finish({ type: "end", end: { reason: "failed", failure: message.failure } });
        break;
      case "ready":
        booting?.port.postMessage({ type: "run", code, clock, trace } satisfies ToPythonWorker);
        listener({ type: "started" });
        limit = setTimeout(() => finish({ type: "end", end: { reason: "limit", limit: "time" } }), RUN_LIMITS.time.value * 1000);
        break;
    }
  }

  function claim(ready: Booting): void {
    if (ended) {
      ready.worker.terminate();
      return;
    }
    booting = ready;
    ready.listener = handle;
    for (const message of ready.early.splice(0)) handle(message);
  }

  if (spare) {
    const ready = spare;
    spare = null;
    claim(ready);
  } else {
    if (!loaded) listener({ type: "preparing", what: "python" });
    const { scripts, binaries } = load();
    scripts.then(
      (ready) => claim(boot(ready, binaries)),
      (error: unknown) => finish({ type: "end", end: { reason: "failed", failure: startFailure(error) } }),
    );
  }
  return {
    stop: () => finish({ type: "end", end: { reason: "stopped" } }),
    get ended() {
      return ended;
    },
  };
}
