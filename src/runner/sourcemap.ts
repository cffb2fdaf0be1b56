/**
 * Maps a position in a bundle back to the reader's code through the bundle's inline
 * source map (esbuild's `sourcemap: "inline"`), so a runtime error names the line the
 * reader wrote, not a line of the bundle.
 *
 * Only what that needs: decode the base64-VLQ `mappings`, then find the segment at or
 * before a generated column.
 */
import type { SourcePosition } from "./protocol";

interface RawSourceMap {
  sources: string[];
  mappings: string;
}

/** For each generated line: segments [generatedColumn, source, originalLine, originalColumn], sorted. */
type Segments = number[][];

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** The inline map at the end of `code`, or null if there is none or it cannot be read. */
export function readInlineMap(code: string): RawSourceMap | null {
  const match = /\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)\s*$/.exec(code);
  if (!match) return null;
  try {
    const json: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0))));
    if (typeof json !== "object" || json === null) return null;
    const { sources, mappings } = json as Partial<RawSourceMap>;
    if (!Array.isArray(sources) || typeof mappings !== "string") return null;
    return { sources, mappings };
  } catch {
    return null;
  }
}

/** Decodes `mappings`: one VLQ segment list per generated line, fields made absolute. */
export function decodeMappings(mappings: string): Segments[] {
  const lines: Segments[] = [];
  let source = 0;
  let line = 0;
  let column = 0;
  for (const text of mappings.split(";")) {
    const segments: Segments = [];
    let generated = 0;
    for (const segment of text.split(",")) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      generated += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        line += fields[2];
        column += fields[3];
        segments.push([generated, source, line, column]);
      }
    }
    segments.sort((a, b) => a[0] - b[0]);
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = B64_VALUE.get(c);
    if (digit === undefined) throw new Error(`bad VLQ digit ${c}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** A bundle's source map, ready to answer "which line of `file` is this?". */
export class SourceMapper {
  private readonly lines: Segments[];
  private readonly sources: string[];

  constructor(map: RawSourceMap) {
    this.lines = decodeMappings(map.mappings);
    this.sources = map.sources;
  }

  /**
   * The original position (1-based line and column) of generated `line`:`column`
   * (1-based, as in stack traces), if it lies in a source whose name ends with `file`.
   */
  lookup(line: number, column: number, file: string): SourcePosition | null {
    const segments = this.lines[line - 1];
    if (!segments || segments.length === 0) return null;
    let found: number[] | null = null;
    for (const s of segments) {
      if (s[0] <= column - 1) found = s;
      else break;
    }
    found ??= segments[0];
    const source = this.sources[found[1]] ?? "";
    if (!source.endsWith(file)) return null;
    return { line: found[2] + 1, column: found[3] + 1 };
  }
}

/**
 * The first frame of `stack` that lies in `url` and maps into `file`.
 * Chromium and Firefox both write frames as `...url:line:column`.
 */
export function locateInStack(stack: string, url: string, mapper: SourceMapper | null, file: string): SourcePosition | null {
  for (const frame of stack.split("\n")) {
    const at = frame.lastIndexOf(url);
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(frame.slice(at + url.length));
    if (!m) continue;
    const line = Number(m[1]);
    const column = Number(m[2]);
    if (!mapper) return { line, column };
    const hit = mapper.lookup(line, column, file);
    if (hit) return hit;
  }
  return null;
}
