/**
 * Bundles an edited program in the browser with esbuild-wasm, the same way the site
 * build bundles the unedited ones (./bundle-options.ts).
 *
 * esbuild-wasm (the JS module and its 14 MB binary, served compressed) is fetched the
 * first time an edited program runs, never before. `initialize()` may run only once per
 * page, so its promise is kept; a failure is forgotten so the next Run retries, and its
 * message says what to do. esbuild runs in its own worker (`worker: true`), off the
 * main thread.
 */
import type { Message } from "esbuild-wasm";
import { programOptions } from "./bundle-options";

type Esbuild = typeof import("esbuild-wasm/esm/browser.js");

/** A problem esbuild found, at a 1-based line and column of the reader's code. */
export interface BundleProblem {
  text: string;
  line: number;
  column: number;
  /** esbuild's `detail` (e.g. IMPORT_ERROR_DETAIL), to word known problems in both languages. */
  detail: string | null;
}

export type BundleResult = { ok: true; code: string } | { ok: false; problems: BundleProblem[] };

/** Thrown when esbuild-wasm cannot be loaded; `cause` holds the browser's error. */
export class BundlerUnavailable extends Error {
  constructor(cause: unknown) {
    super(`esbuild-wasm could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "BundlerUnavailable";
  }
}

let ready: Promise<Esbuild> | null = null;
let warm = false;

/** Loads and initializes esbuild-wasm once; after a failure the next call tries again. */
export function loadBundler(wasmUrl: string): Promise<Esbuild> {
  ready ??= (async () => {
    const esbuild = await import("esbuild-wasm/esm/browser.js");
    await esbuild.initialize({ wasmURL: wasmUrl, worker: true });
    return esbuild;
  })();
  ready.catch(() => {
    ready = null;
  });
  return ready;
}

/**
 * Starts loading esbuild-wasm and runs one tiny transform, so the slow first call (the
 * binary's functions compile on first use) happens while the reader is still typing.
 * Called on the first edit; errors are left for the Run that needs the bundler.
 */
export function warmBundler(wasmUrl: string): void {
  loadBundler(wasmUrl)
    .then((esbuild) => esbuild.transform("", { loader: "ts" }))
    .then(
      () => {
        warm = true;
      },
      () => undefined,
    );
}

/** True once esbuild-wasm is initialized (an edited run will not download anything). */
export function bundlerWarm(): boolean {
  return warm;
}

function problem(message: Message): BundleProblem {
  return {
    text: message.text,
    line: message.location?.line ?? 1,
    column: (message.location?.column ?? 0) + 1,
    detail: typeof message.detail === "string" ? message.detail : null,
  };
}

/** Bundles the reader's `code`; syntax errors come back as problems, not exceptions. */
export async function bundle(code: string, wasmUrl: string): Promise<BundleResult> {
  let esbuild: Esbuild;
  try {
    esbuild = await loadBundler(wasmUrl);
  } catch (error) {
    throw new BundlerUnavailable(error);
  }
  warm = true;
  try {
    const result = await esbuild.build(programOptions(code));
    return { ok: true, code: result.outputFiles[0].text };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) return { ok: false, problems: errors.map(problem) };
    throw error;
  }
}
