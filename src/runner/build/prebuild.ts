/**
 * What the runner needs on the static site besides the pages, built in Node with native
 * esbuild:
 *
 *   _runner/sandbox.js              the sandbox runtime (src/runner/worker.ts) with the
 *                                   loop library bundled in: the one shared copy
 *   _runner/examples/<id>.js        every example's twin, prebuilt, library left out, so an
 *                                   unedited Run needs no bundler at all
 *   _runner/examples/<id>.ts        its source, for the playground's `?example=<id>`
 *   _runner/typecheck.js            the type service's worker (src/typecheck/), with .gz/.br
 *   _runner/python.js, _runner/pyodide-<v>/   the Python runner (./python-files.ts)
 *   _runner/esbuild-<v>.wasm        esbuild-wasm's binary for edited code, with .gz and
 *                                   .br twins (3.7 MB / 2.9 MB instead of 14 MB)
 *
 * Brotli quality 9 (about 5 s) rather than 11 (about 35 s for 0.3 MB less) keeps a cold
 * build inside its 30 s budget, and the big binaries start compressing when the build
 * starts (`startCompressing`), beside Astro's rendering. The twins are cached under
 * node_modules/.cache, keyed by the binary's hash, so later builds skip the work.
 */
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { esbuildWasmVersion, listExampleIds, loadExample } from "../../lib/examples";
import { bundleWorker } from "../../lib/worker-bundle";
import { finishProgram, programOptions } from "../bundle-options";
import { PYODIDE_FILES, RUNNER_DIR, RUNNER_FILES } from "../paths";
import { buildTypecheck, TYPECHECK_FILE } from "../../typecheck/build/bundle";
import { pyodideFile, writePythonFiles } from "./python-files";

const require = createRequire(import.meta.url);

/** The sandbox runtime with the library, as one minified ES module. */
export async function buildSandbox(root: string): Promise<string> {
  return bundleWorker(join(root, "src/runner/worker.ts"), {
    keepNames: true,
    alias: { asyncio: join(root, "src/asyncio/index.ts") },
  });
}

/** One program, bundled exactly as the browser's esbuild-wasm would bundle an edit. */
export async function buildProgram(code: string): Promise<string> {
  const result = await build(programOptions(code));
  return finishProgram(result.outputFiles[0].text);
}

/** Every example's prebuilt bundle, by id. A twin that does not bundle fails the build. */
export async function buildExamples(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const id of listExampleIds(root)) {
    const example = loadExample(id, root);
    try {
      out.set(id, await buildProgram(example.ts));
    } catch (error) {
      throw new Error(`content/examples/${id}/example.ts does not bundle: ${(error as Error).message}`);
    }
  }
  return out;
}

/** Compressions started in this process, by cache key: a file asked for twice is compressed once. */
const twinsInFlight = new Map<string, Promise<{ gz: Buffer; br: Buffer }>>();

/**
 * The gzip and brotli twins of `file`, from the cache under `cacheDir` when a build
 * made them before, else compressed now (on libuv's threads, off the build's own).
 */
export function compressedTwins(file: Buffer, cacheDir: string): Promise<{ gz: Buffer; br: Buffer }> {
  const key = createHash("sha256").update(file).digest("hex").slice(0, 16) + "-q9";
  let twins = twinsInFlight.get(key);
  if (!twins) {
    twins = compressOnce(file, key, cacheDir);
    twinsInFlight.set(key, twins);
  }
  return twins;
}

async function compressOnce(file: Buffer, key: string, cacheDir: string): Promise<{ gz: Buffer; br: Buffer }> {
  const gzPath = join(cacheDir, `${key}.gz`);
  const brPath = join(cacheDir, `${key}.br`);
  if (existsSync(gzPath) && existsSync(brPath)) return { gz: readFileSync(gzPath), br: readFileSync(brPath) };
  mkdirSync(cacheDir, { recursive: true });
  const [gz, br] = await Promise.all([
    promisify(gzip)(file, { level: 9 }),
    promisify(brotliCompress)(file, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 9,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: file.length,
      },
    }),
  ]);
  writeFileSync(gzPath, gz);
  writeFileSync(brPath, br);
  return { gz, br };
}

/** Where compressed twins are kept between builds. */
export function twinsCache(root: string): string {
  return join(root, "node_modules", ".cache", "asyncio-notes-runner");
}

/**
 * Starts compressing the large files that do not depend on the pages (esbuild's wasm,
 * Pyodide's files) while Astro renders them: on a fresh clone that is most of the
 * runner's build time, and the rendering leaves a core free. `writeRunnerFiles` later
 * picks up the same compressions. Errors surface there, not here.
 * @example
 * "astro:build:start": () => startCompressing(repoRoot())
 */
export function startCompressing(root: string): void {
  const binaries = [
    Promise.resolve(readFileSync(require.resolve("esbuild-wasm/esbuild.wasm"))),
    ...PYODIDE_FILES.map((file) => pyodideFile(root, file)),
  ];
  for (const binary of binaries) binary.then((data) => compressedTwins(data, twinsCache(root))).catch(() => undefined);
}

export function write(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** Writes everything above into `outDir/_runner/`. Returns a one-line summary. */
export async function writeRunnerFiles(root: string, outDir: string): Promise<string> {
  const dir = join(outDir, RUNNER_DIR);
  const sandbox = await buildSandbox(root);
  write(join(dir, RUNNER_FILES.sandbox), sandbox);
  const [sandboxGz, sandboxBr] = await Promise.all([
    promisify(gzip)(sandbox, { level: 9 }),
    promisify(brotliCompress)(sandbox),
  ]);
  write(join(dir, `${RUNNER_FILES.sandbox}.gz`), sandboxGz);
  write(join(dir, `${RUNNER_FILES.sandbox}.br`), sandboxBr);

  const typecheck = Buffer.from(await buildTypecheck(root));
  const typecheckTwins = await compressedTwins(typecheck, twinsCache(root));
  write(join(dir, TYPECHECK_FILE), typecheck);
  write(join(dir, `${TYPECHECK_FILE}.gz`), typecheckTwins.gz);
  write(join(dir, `${TYPECHECK_FILE}.br`), typecheckTwins.br);

  const examples = await buildExamples(root);
  for (const [id, code] of examples) {
    write(join(dir, RUNNER_FILES.prebuilt(id)), code);
    const example = loadExample(id, root);
    write(join(dir, RUNNER_FILES.source(id)), example.ts);
    write(join(dir, RUNNER_FILES.pythonSource(id)), example.py);
  }

  const wasm = readFileSync(require.resolve("esbuild-wasm/esbuild.wasm"));
  const wasmName = RUNNER_FILES.wasm(esbuildWasmVersion(root));
  const twins = await compressedTwins(wasm, twinsCache(root));
  write(join(dir, wasmName), wasm);
  write(join(dir, `${wasmName}.gz`), twins.gz);
  write(join(dir, `${wasmName}.br`), twins.br);
  const python = await writePythonFiles(root, dir);
  return (
    `sandbox.js ${(sandbox.length / 1024).toFixed(1)} KB (${(sandboxGz.length / 1024).toFixed(1)} KB gzip), ` +
    `${TYPECHECK_FILE} ${(typecheckTwins.gz.length / 1024).toFixed(0)} KB gzip, ` +
    `${examples.size} example bundles, ${wasmName} (${(twins.br.length / 1048576).toFixed(1)} MB brotli), ${python}`
  );
}
