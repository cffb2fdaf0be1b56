/**
 * JavaScript stacks, read for the reader's frames (worker side). The program's bundle
 * runs from a `blob:` URL; frames at that URL are mapped back through its inline source
 * map (./sourcemap.ts) to lines of `example.ts`.
 *
 *   const stacks = new ReaderStacks(programUrl, mapper);
 *   stacks.frames(error.stack); // [{ file: "example.ts", line: 3, column: 9, function: "main" }]
 */
import { USER_FILE, type Frame } from "./protocol";
import { locateInStack, type SourceMapper } from "./sourcemap";
import { frameLines, TRACEBACK_HEADER } from "./traceback";

/** A V8/SpiderMonkey frame's function name, if it names one. */
function frameName(frame: string): string {
  const v8 = /^\s*at (?:async )?(.+?) \(/.exec(frame);
  if (v8) return v8[1].replace(/^Object\.|^Generator\.next$/, "") || "<module>";
  const gecko = /^(.*?)@/.exec(frame);
  return gecko && gecko[1] ? gecko[1] : "<module>";
}

export class ReaderStacks {
  constructor(
    private readonly programUrl: string,
    private readonly mapper: SourceMapper | null,
  ) {}

  /** The reader's line a stack frame points at, or null. */
  line(frame: string): number | null {
    return frame.includes(this.programUrl) ? (locateInStack(frame, this.programUrl, this.mapper, USER_FILE)?.line ?? null) : null;
  }

  /** The frames of a JavaScript stack that lie in the reader's code, outermost first (Python's order). */
  frames(stack: string): Frame[] {
    const frames: Frame[] = [];
    for (const frame of stack.split("\n").slice(0, 200)) {
      if (!frame.includes(this.programUrl)) continue;
      const position = locateInStack(frame, this.programUrl, this.mapper, USER_FILE);
      if (!position) continue;
      const name = frameName(frame);
      frames.push({ file: USER_FILE, ...position, function: name.includes(this.programUrl) ? "<module>" : name });
    }
    return frames.reverse();
  }

  /**
   * Rewrites JavaScript stacks inside a printed text (the loop's "Task exception was never
   * retrieved" report prints `error.stack`) as Python tracebacks of the reader's frames.
   */
  pythonize(text: string): string {
    if (!text.includes("\n    at ")) return text;
    const lines = text.split("\n");
    const out: string[] = [];
    for (let i = 0; i < lines.length; i++) {
      let j = i + 1;
      while (j < lines.length && /^\s+at /.test(lines[j])) j++;
      if (j === i + 1) {
        out.push(lines[i]);
        continue;
      }
      const frames = this.frames([lines[i], ...lines.slice(i + 1, j)].join("\n"));
      if (frames.length) out.push(TRACEBACK_HEADER, ...frameLines(frames));
      out.push(lines[i]);
      i = j - 1;
    }
    return out.join("\n");
  }
}
