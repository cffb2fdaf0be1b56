/**
 * The stored-trace file format: JSON with one event per line, so a change to the loop's
 * behaviour shows up in a diff as the events that changed.
 */
import type { TraceEvent } from "../../src/visualizer/trace";

export interface TraceFile {
  example: string;
  dropped: number;
  events: TraceEvent[];
}

export function formatTrace(trace: TraceFile): string {
  const lines = trace.events.map((e) => "    " + JSON.stringify(e));
  return `{\n  "example": ${JSON.stringify(trace.example)},\n  "dropped": ${trace.dropped},\n  "events": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

export function parseTrace(text: string): TraceFile {
  const data = JSON.parse(text) as Partial<TraceFile>;
  if (typeof data.example !== "string" || typeof data.dropped !== "number" || !Array.isArray(data.events)) {
    throw new Error("not a trace file: expected { example, dropped, events }");
  }
  return data as TraceFile;
}
