/**
 * The runner's Astro integration: after `astro build`, writes `_runner/` (the sandbox
 * runtime with the loop library, every example's prebuilt bundle, esbuild-wasm's binary
 * and its compressed twins) into the output folder; under `astro dev`, serves the same
 * files from memory, built on request.
 *
 * Registered in astro.config.mjs: `integrations: [..., runner()]`.
 */
import type { AstroIntegration } from "astro";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { esbuildWasmVersion, loadExample, repoRoot } from "../../lib/examples";
import { PYODIDE_FILES, RUNNER_DIR, RUNNER_FILES } from "../paths";
import { buildPythonRuntime, pyodideFile } from "./python-files";
import { buildProgram, buildSandbox, startCompressing, writeRunnerFiles } from "./prebuild";
import { buildTypecheck, TYPECHECK_FILE } from "../../typecheck/build/bundle";

const require = createRequire(import.meta.url);

export default function runner(): AstroIntegration {
  let base = "/";
  return {
    name: "asyncio-notes-runner",
    hooks: {
      "astro:config:setup": ({ config }) => {
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:server:setup": ({ server }) => {
        const root = repoRoot();
        const prefix = `${base}${RUNNER_DIR}/`;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? "").split("?")[0];
          if (!path.startsWith(prefix)) return next();
          const file = path.slice(prefix.length);
          const send = (type: string, body: string | Buffer): void => {
            res.writeHead(200, { "content-type": type, "cache-control": "no-cache" });
            res.end(body);
          };
          const example = /^examples\/([a-z0-9-]+)\.(js|ts|py)$/.exec(file);
          const pyodideName = PYODIDE_FILES.find((name) => file === RUNNER_FILES.pyodide(name));
          let work: Promise<void>;
          if (file === RUNNER_FILES.sandbox) {
            work = buildSandbox(root).then((code) => send("text/javascript", code));
          } else if (file === TYPECHECK_FILE) {
            work = buildTypecheck(root).then((code) => send("text/javascript", code));
          } else if (example && example[2] !== "js") {
            const source = loadExample(example[1], root);
            work = Promise.resolve(send("text/plain; charset=utf-8", example[2] === "py" ? source.py : source.ts));
          } else if (example) {
            work = buildProgram(loadExample(example[1], root).ts).then((code) => send("text/javascript", code));
          } else if (file === RUNNER_FILES.python) {
            work = buildPythonRuntime(root).then((code) => send("text/javascript", code));
          } else if (pyodideName) {
            const type = pyodideName.endsWith(".wasm") ? "application/wasm" : pyodideName.endsWith(".js") ? "text/javascript" : "application/zip";
            work = pyodideFile(root, pyodideName).then((data) => send(type, data));
          } else if (file === RUNNER_FILES.wasm(esbuildWasmVersion(root))) {
            work = Promise.resolve(send("application/wasm", readFileSync(require.resolve("esbuild-wasm/esbuild.wasm"))));
          } else {
            return next();
          }
          work.catch((error: unknown) => {
            res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
            res.end(String(error));
          });
        });
      },
      // Compressing the big binaries needs no page: it overlaps the rendering.
      "astro:build:start": () => startCompressing(repoRoot()),
      "astro:build:done": async ({ dir, logger }) => {
        const summary = await writeRunnerFiles(repoRoot(), fileURLToPath(dir));
        logger.info(`${RUNNER_DIR}/: ${summary}`);
      },
    },
  };
}
