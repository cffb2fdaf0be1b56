// bench/loop/shared.mjs: what bench/loop.mjs, bench/loop-ab.mjs and bench/loop-floor.mjs
// share: their command-line options, the best and median of a run's samples, and the
// bundle of bench/loop/workloads.ts against a copy of the loop library.
import { readFile } from "node:fs/promises";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * The value after `name` on the command line, or `fallback`.
 * @example
 * const reps = Number(opt("--reps", "5")); // `node bench/loop.mjs --reps 3` gives 3
 */
export function opt(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/**
 * The median of a list of numbers (the mean of the middle two for an even count).
 * @example
 * median([3, 1, 2, 10]); // 2.5
 */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The smallest of a list of times: the run the machine disturbed least.
 * @example
 * best([0.12, 0.10, 0.15]); // 0.10
 */
export const best = (xs) => Math.min(...xs);

/**
 * Bundles bench/loop/workloads.ts with esbuild (platform node, ESM, not minified), the
 * bare name `asyncio` aliased to `libDir`'s index.ts. With `patch`, each library file
 * whose path matches `patch.file` is loaded through `patch.transform(source)`; the
 * result counts the files the transform changed, so a caller can tell when a patch no
 * longer finds what it replaces. esbuild's errors are thrown.
 * @example
 * const { changed } = await bundleWorkloads(out, join(root, "src/asyncio"),
 *   { file: /clock\.ts$/, transform: (s) => s.replace("= 10;", "= 1e12;") });
 */
export async function bundleWorkloads(outfile, libDir = join(root, "src/asyncio"), patch = null) {
  let changed = 0;
  const plugins = patch === null ? [] : [{
    name: "patch-library",
    setup(build) {
      build.onLoad({ filter: patch.file }, async (args) => {
        const src = await readFile(args.path, "utf8");
        const out = patch.transform(src);
        if (out !== src) changed++;
        return { contents: out, loader: "ts" };
      });
    },
  }];
  const esbuild = await import("esbuild");
  await esbuild.build({
    entryPoints: [join(root, "bench/loop/workloads.ts")], outfile, bundle: true, platform: "node",
    format: "esm", target: "node20", minify: false, alias: { asyncio: join(libDir, "index.ts") },
    plugins, logLevel: "silent",
  });
  return { outfile, changed };
}
