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
import { finishProgram, isImportErrorDetail, programOptions } from "./bundle-options";
import type { CodeProblem } from "./protocol";

type Esbuild = typeof import("esbuild-wasm/esm/browser.js");

export type BundleResult = { ok: true; code: string } | { ok: false; problems: CodeProblem[] };

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

/**
 * esbuild counts columns in UTF-8 bytes; the reader (and the editor) count characters.
 * `"한국어"; const b = ;` — byte column 44 is character column 32.
 */
export function characterColumn(lineText: string, byteColumn: number): number {
  const bytes = new TextEncoder().encode(lineText).subarray(0, byteColumn);
  return new TextDecoder().decode(bytes).length;
}

function problem(message: Message): CodeProblem {
  const where = message.location;
  const line = where?.line ?? 1;
  const column = where ? characterColumn(where.lineText, where.column) + 1 : 1;
  return isImportErrorDetail(message.detail)
    ? { kind: "import", module: message.detail.module, line, column }
    : { kind: "syntax", text: message.text, line, column };
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
    return { ok: true, code: finishProgram(result.outputFiles[0].text) };
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) return { ok: false, problems: errors.map(problem) };
    throw error;
  }
}
