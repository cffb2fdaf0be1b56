/**
 * How a reader's program becomes a bundle, the same at site build time (native esbuild,
 * src/runner/build/) and in the browser (esbuild-wasm, ./bundler.ts): one ES module, no
 * imports left, an inline source map pointing at `example.ts`.
 *
 * The bare import `asyncio` never pulls the library into the bundle: the plugin turns
 * it into a read of `globalThis[LIBRARY_GLOBAL]`, which the sandbox runtime fills with
 * the one shared, prebuilt copy. Any other import is an error naming the only one allowed.
 */
import type { BuildOptions, Plugin } from "esbuild-wasm";
import { LIBRARY_GLOBAL, USER_FILE } from "./protocol";

/** esbuild's `detail` on a forbidden import: the module's name, as data, so the page words it in both languages. */
export interface ImportErrorDetail {
  kind: "asyncio-notes:only-asyncio";
  module: string;
}

/** Narrows esbuild's `detail` to a forbidden import's. */
export function isImportErrorDetail(detail: unknown): detail is ImportErrorDetail {
  return (
    typeof detail === "object" && detail !== null &&
    (detail as Partial<ImportErrorDetail>).kind === "asyncio-notes:only-asyncio" &&
    typeof (detail as Partial<ImportErrorDetail>).module === "string"
  );
}

/** Resolves `asyncio` to the shared library; refuses everything else. */
export function asyncioPlugin(): Plugin {
  return {
    name: "asyncio-notes",
    setup(build) {
      build.onResolve({ filter: /^asyncio$/ }, () => ({ path: "asyncio", namespace: "asyncio-library" }));
      build.onResolve({ filter: /.*/ }, (args) =>
        args.namespace === "asyncio-library" || args.kind === "entry-point"
          ? undefined
          : {
              errors: [
                {
                  text: `Cannot import "${args.path}": only "asyncio" can be imported here`,
                  detail: { kind: "asyncio-notes:only-asyncio", module: args.path } satisfies ImportErrorDetail,
                },
              ],
            },
      );
      build.onLoad({ filter: /.*/, namespace: "asyncio-library" }, () => ({
        contents: `module.exports = globalThis[${JSON.stringify(LIBRARY_GLOBAL)}];`,
        loader: "js",
      }));
    },
  };
}

/** esbuild's helper that keeps a renamed function's `name` (`keepNames`), as it emits it. */
const KEEP_NAME = `var __name = (target, value) => __defProp(target, "name", { value, configurable: true });`;

/**
 * The same helper, which also writes a generator function's name where its coroutines
 * can read it: on the function's `prototype`, which every generator object it makes
 * inherits from. So `main().__name__` is "main", as in Python, and the library's reprs
 * and tracebacks name it (`coro=<main() done>`, not `coroutine()`): a generator object
 * has no other way back to its function.
 */
const KEEP_NAME_AND_COROUTINE_NAME =
  `var __name = ((generatorFunction) => (target, value) => (Object.getPrototypeOf(target) === generatorFunction && ` +
  `__defProp(target.prototype, "__name__", { value, configurable: true }), ` +
  `__defProp(target, "name", { value, configurable: true })))(Object.getPrototypeOf(function* () {}));`;

/**
 * A program's bundle as it runs: esbuild's output, its `__name` helper widened to name
 * coroutines (above). Called on every bundle, at build time and in the browser.
 *
 *   finishProgram((await esbuild.build(programOptions(code))).outputFiles[0].text);
 */
export function finishProgram(bundled: string): string {
  return bundled.replace(KEEP_NAME, KEEP_NAME_AND_COROUTINE_NAME);
}

/** The build options for one program. */
export function programOptions(code: string): BuildOptions & { write: false } {
  return {
    stdin: { contents: code, sourcefile: USER_FILE, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    // Bundling may rename a function to avoid a clash (add → add2); examples print
    // `func.name`, as Python prints `__name__`, so the names must survive.
    keepNames: true,
    sourcemap: "inline",
    sourcesContent: false,
    logLevel: "silent",
    plugins: [asyncioPlugin()],
  };
}
