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
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format } from "node:util";
import { createTraceCollector, lineFromStack } from "../../src/visualizer/bridge";
import type { TraceEvent } from "../../src/visualizer/trace";
import { formatTrace } from "./trace-file";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const id = process.argv[2];
if (!id || !/^[a-z0-9-]+$/.test(id)) {
  console.error("usage: tsx tests/visualizer/record-trace.ts EXAMPLE-ID [--write]");
  process.exit(2);
}

// The same collector the browser's worker uses; lines come from the stack, which tsx
// maps back to the example's TypeScript lines.
const file = `${ROOT}content/examples/${id}/example.ts`;
const framePattern = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:(\\d+):\\d+`);
const events: TraceEvent[] = [];
let dropped = 0;
const trace = createTraceCollector({
  post: (m) => {
    events.push(...m.events);
    dropped += m.dropped;
  },
  locate: () => lineFromStack((frame) => {
    const m = framePattern.exec(frame);
    return m === null ? null : Number(m[1]);
  }),
});
asyncio.configure({ clock: "virtual", observer: trace.observer });
const print = console.log;
console.log = (...args: unknown[]): void => trace.note(format(...args));
await import(pathToFileURL(file).href);
console.log = print;
trace.flush();

const text = formatTrace({ example: id, dropped, events });
if (process.argv.includes("--write")) {
  writeFileSync(`${ROOT}tests/visualizer/traces/${id}.json`, text);
  console.error(`wrote tests/visualizer/traces/${id}.json (${events.length} events)`);
} else {
  process.stdout.write(text);
}
