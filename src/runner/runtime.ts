/**
 * A runtime runs a reader's program for one language and streams what happens as
 * protocol events (./protocol.ts). The page's run session (src/components/example/
 * session.ts) knows nothing else about it, so a second runtime plugs in beside the
 * first: TypeScript today (./ts-runtime.ts: a prebuilt bundle or esbuild-wasm, run in
 * a sandboxed `data:` worker), Python next (Pyodide in a worker, same events).
 *
 *   const runtime = await loadRuntime("ts");
 *   const run = runtime.start(
 *     { language: "ts", code, clock: "virtual", trace: false, prebuilt: null },
 *     (event) => { if (event.type === "end") console.log(event.end.reason); },
 *   );
 *   run.stop(); // ends at once; the listener still gets { type: "end", end: { reason: "stopped" } }
 */
import type { Clock, Language, RunEvent } from "./protocol";
import type { RunnerPaths } from "./paths";

/** One run's request. */
export interface RunRequest {
  language: Language;
  code: string;
  clock: Clock;
  /** Record the loop's events for the visualizer (`trace` events). */
  trace: boolean;
  /**
   * The example whose build-time bundle `code` is (unedited code): the runtime may use
   * it instead of compiling. Null for edited code and the playground.
   */
  prebuilt: { id: string; hash: string } | null;
}

/** A run in flight. */
export interface RunHandle {
  /** Ends the run now; the listener gets `end` with reason "stopped" before this returns. */
  stop(): void;
  readonly ended: boolean;
}

/**
 * Receives a run's events in order; `end` is the last, exactly once. Events arrive
 * only from the runtime, never from the reader's program (the runtime validates what
 * crosses from its worker).
 */
export type RunListener = (event: RunEvent) => void;

export interface Runtime {
  readonly language: Language;
  /** Get ready for a run soon (boot a worker, fetch files). Safe to call often. */
  prepare(): void;
  /** Warm the slow parts edited code needs (the bundler), on the reader's first edit. */
  warm(): void;
  start(request: RunRequest, listener: RunListener): RunHandle;
}

/** What a runtime needs from the page: where the runner's files are. */
export interface RuntimeContext {
  paths: RunnerPaths;
  /** esbuild-wasm's version (the wasm file's name). */
  esbuildVersion: string;
}

/** Makes a runtime for a page; each runtime module exports one of these as `createRuntime`. */
export type RuntimeFactory = (context: RuntimeContext) => Runtime;
