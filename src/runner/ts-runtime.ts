/**
 * The TypeScript runtime (./runtime.ts): an unedited example runs its prebuilt bundle
 * (fetched from `_runner/`), an edited one is bundled in the page by esbuild-wasm
 * (./bundler.ts, loaded on the first edit), and either runs in a fresh sandboxed worker
 * (./sandbox.ts).
 *
 *   const ts = createRuntime({ paths: runnerPaths("/", stamp), esbuildVersion: "0.28.2" });
 *   ts.start({ language: "ts", code, clock: "virtual", trace: false, prebuilt: null }, listen);
 */
import type { Failure, RunEvent } from "./protocol";
import type { RunHandle, RunListener, RunRequest, RuntimeFactory } from "./runtime";
import { configureSandbox, prepareSandbox, startRun } from "./sandbox";

function failure(key: Failure["key"], error: unknown): RunEvent {
  const detail = error instanceof Error ? error.message : String(error);
  return { type: "end", end: { reason: "failed", failure: { key, detail } } };
}

export const createRuntime: RuntimeFactory = ({ paths, esbuildVersion }) => {
  configureSandbox(paths.sandbox());
  const wasmUrl = paths.wasm(esbuildVersion);

  /** The bundle to run, or the event that ends the run instead (a syntax error, a failed download). */
  async function compile(request: RunRequest, listener: RunListener): Promise<string | RunEvent[]> {
    if (request.prebuilt) {
      const url = paths.prebuilt(request.prebuilt.id, request.prebuilt.hash);
      try {
        const response = await fetch(url);
        if (!response.ok) return [failure("prebuiltFailed", `${url}: HTTP ${response.status}`)];
        return await response.text();
      } catch (error) {
        return [failure("prebuiltFailed", error)];
      }
    }
    let bundler: typeof import("./bundler");
    let result: Awaited<ReturnType<typeof bundler.bundle>>;
    try {
      bundler = await import("./bundler");
      if (!bundler.bundlerWarm()) listener({ type: "preparing", what: "bundler" });
      result = await bundler.bundle(request.code, wasmUrl);
    } catch (error) {
      return [failure("bundlerFailed", error)];
    }
    if (result.ok) return result.code;
    return [{ type: "problems", problems: result.problems }, { type: "end", end: { reason: "problems" } }];
  }

  return {
    language: "ts",
    prepare: prepareSandbox,
    warm() {
      void import("./bundler").then((m) => m.warmBundler(wasmUrl));
    },
    start(request, listener) {
      let ended = false;
      let inner: RunHandle | null = null;
      const emit: RunListener = (event) => {
        if (ended) return;
        if (event.type === "end") ended = true;
        listener(event);
      };
      void compile(request, emit).then((compiled) => {
        if (ended) return;
        if (typeof compiled !== "string") {
          for (const event of compiled) emit(event);
          return;
        }
        emit({ type: "started" });
        inner = startRun(compiled, request.clock, emit, { trace: request.trace });
      });
      return {
        stop() {
          if (inner) inner.stop();
          else emit({ type: "end", end: { reason: "stopped" } });
        },
        get ended() {
          return ended;
        },
      };
    },
  };
};
