/**
 * Records an example's trace on the virtual clock, the way the visualizer receives it:
 * every loop event from the observer plus each printed line, in order.
 *
 *   npx tsx tests/visualizer/record-trace.ts callbacks-and-coroutines          # JSON to stdout
 *   npx tsx tests/visualizer/record-trace.ts callbacks-and-coroutines --write  # update traces/<id>.json
 *
 * A fresh process per example: task names (Task-1, Task-2, …) come from a counter that
 * lives as long as the library module does, so each recording must start from scratch.
 */
import * as asyncio from "asyncio";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";
import { buildProgram } from "../../src/runner/build/prebuild";
import { loadExample } from "../../src/lib/examples";
import { LIBRARY_GLOBAL } from "../../src/runner/protocol";
import { readInlineMap, SourceMapper } from "../../src/runner/sourcemap";
import { ReaderStacks } from "../../src/runner/stack";
import { createTraceCollector, lineFromStack } from "../../src/visualizer/bridge";
import type { TraceEvent } from "../../src/visualizer/trace";
import { formatTrace } from "./trace-file";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const id = process.argv[2];
if (!id || !/^[a-z0-9-]+$/.test(id)) {
  console.error("usage: tsx tests/visualizer/record-trace.ts EXAMPLE-ID [--write]");
  process.exit(2);
}

// The example's prebuilt bundle, run with the same collector as the browser's worker, its
// lines read from the stack through the bundle's source map, as the worker reads them.
const code = await buildProgram(loadExample(id).ts);
const dir = mkdtempSync(join(tmpdir(), "record-trace-"));
const file = join(dir, "program.mjs");
// Written without its inline map: tsx would map the stack itself, and the frames must
// name the bundle, as in the browser, for the map to be applied here.
writeFileSync(file, code.replace(/\/\/# sourceMappingURL=\S+\s*$/, ""));
const programUrl = pathToFileURL(file).href;
const map = readInlineMap(code);
const stacks = new ReaderStacks(programUrl, map ? new SourceMapper(map) : null);
const events: TraceEvent[] = [];
let dropped = 0;
const trace = createTraceCollector({
  post: (m) => {
    events.push(...m.events);
    dropped += m.dropped;
  },
  locate: () => lineFromStack((frame) => stacks.line(frame)),
});
(globalThis as Record<string, unknown>)[LIBRARY_GLOBAL] = asyncio;
asyncio.configure({ clock: "virtual", observer: trace.observer });
const print = console.log;
console.log = (...args: unknown[]): void => trace.note(format(...args));
try {
  await import(programUrl);
} finally {
  console.log = print;
  rmSync(dir, { recursive: true, force: true });
}
trace.flush();

const text = formatTrace({ example: id, dropped, events });
if (process.argv.includes("--write")) {
  writeFileSync(`${ROOT}tests/visualizer/traces/${id}.json`, text);
  console.error(`wrote tests/visualizer/traces/${id}.json (${events.length} events)`);
} else {
  process.stdout.write(text);
}
