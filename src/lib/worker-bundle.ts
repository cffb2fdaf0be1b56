/**
 * How each worker script the site ships is built (the TypeScript sandbox, the Python
 * sandbox, the editor's type service): native esbuild at build time, one minified module
 * for browsers, ES2022, no legal comments, nothing written to disk. `options` adds what
 * one worker needs beyond that (its format, externals, loaders, plugins).
 *
 *   const js = await bundleWorker(join(root, "src/runner/worker.ts"), { keepNames: true });
 */
import { build, type BuildOptions } from "esbuild";

/** The bundled text of the worker whose entry point is `entry`. */
export async function bundleWorker(entry: string, options: Omit<BuildOptions, "write"> = {}): Promise<string> {
  const { outputFiles } = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
    ...options,
  });
  if (!outputFiles?.length) throw new Error(`esbuild gave no output for ${entry}`);
  return outputFiles[0].text;
}
