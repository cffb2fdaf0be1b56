/**
 * Builds the type service's worker, `_runner/typecheck.js`: TypeScript, @typescript/vfs
 * and ../worker.ts in one minified script, with the starting files (./declarations.ts)
 * embedded, so the service costs one request.
 */
import type { Plugin } from "esbuild";
import { join } from "node:path";
import { TYPECHECK_FILE } from "../protocol";
import { bundleWorker } from "../../lib/worker-bundle";
import { serviceFiles } from "./declarations";

export { TYPECHECK_FILE };

function embedFiles(root: string): Plugin {
  return {
    name: "asyncio-notes-service-files",
    setup(b) {
      b.onResolve({ filter: /^asyncio-notes:service-files$/ }, (args) => ({ path: args.path, namespace: "service-files" }));
      b.onLoad({ filter: /.*/, namespace: "service-files" }, () => ({
        contents: JSON.stringify(serviceFiles(root)),
        loader: "json",
      }));
    },
  };
}

/** The worker script's text. */
export async function buildTypecheck(root: string): Promise<string> {
  return bundleWorker(join(root, "src/typecheck/worker.ts"), {
    format: "iife",
    // TypeScript reaches for Node's modules only when it runs under Node.
    external: ["fs", "path", "os", "crypto", "inspector", "perf_hooks", "buffer", "source-map-support", "node:*"],
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [embedFiles(root)],
  });
}
