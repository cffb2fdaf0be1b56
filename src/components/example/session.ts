/**
 * The run session: the state of one example, which every other part of it reads and
 * changes — which language is active, the original and current code in each language,
 * the run in flight and its generation, and how the last run ended. The parts (code
 * box, output view, loop view, share/restore, autosave) never talk to each other; they
 * call the session and listen to it.
 *
 *   const session = new RunSession({ id, hash, originals: { ts, py }, ... });
 *   session.listen((change) => { if (change.type === "run") show(change.event); });
 *   session.setCode("ts", edited, "editor");
 *   await session.start();   // runs the active language's current code
 *
 * Running goes through a runtime (src/runner/runtime.ts), one per language, loaded by
 * src/runner/runtimes.ts; the session only sees its protocol events.
 */
import type { Clock, Language, RunEnd, RunEvent } from "../../runner/protocol";
import type { RunHandle, RuntimeContext } from "../../runner/runtime";
import { canRun, loadRuntime } from "../../runner/runtimes";
import { endState } from "./messages";

/**
 * Why the code changed: the reader typed, a link or saved edit was shown, Reset, the
 * edit brought back after a Reset ("undo": saved again, as typing is), a new original.
 */
export type CodeSource = "editor" | "restore" | "reset" | "undo" | "original";

/**
 * Whether the reader's own hand changed the code (typing, or bringing an edit back after
 * a Reset): such code is saved and checked as it changes.
 *
 *   byReader("undo");    // true
 *   byReader("restore"); // false: a saved edit shown again is already saved
 */
export function byReader(source: CodeSource): boolean {
  return source === "editor" || source === "undo";
}

export type SessionChange =
  | { type: "code"; language: Language; code: string; source: CodeSource }
  | { type: "language"; language: Language }
  /** A run begins: the output clears; `tracing` says whether it records the loop. */
  | { type: "start"; language: Language; code: string; clock: Clock; tracing: boolean }
  | { type: "run"; event: RunEvent }
  /** `data-state`: "idle", "running", or how the last run ended (./messages.ts endState). */
  | { type: "state"; state: string };

export interface SessionOptions {
  id: string;
  /** The hash of the example's original (saved edits remember it). */
  hash: string;
  originals: Record<Language, string>;
  /** Whose prebuilt bundle an unedited TypeScript run uses (null: always compile). */
  prebuiltId: string | null;
  /** Where edits are saved: the example id, or `playground:<example>` in the playground. */
  storageId: string;
  runtime: RuntimeContext;
  /** The clock the reader picked. */
  clock(): Clock;
}

export class RunSession {
  readonly id: string;
  hash: string;
  storageId: string;
  prebuiltId: string | null;
  readonly runtime: RuntimeContext;
  private readonly original: Record<Language, string>;
  private readonly current: Record<Language, string>;
  private active: Language = "ts";
  private run: RunHandle | null = null;
  /** Bumped by every Run and Stop, so a run still starting knows it was superseded. */
  private generation = 0;
  private stateNow = "idle";
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private readonly clock: () => Clock;
  /** For a shared link's draft: a fingerprint of the link's code, saved with the draft's edits. */
  draftOf: string | null = null;
  /** Asked at every start: does someone want the loop's events (the open loop view)? */
  wantsTrace: () => boolean = () => false;

  constructor(options: SessionOptions) {
    this.id = options.id;
    this.hash = options.hash;
    this.storageId = options.storageId;
    this.prebuiltId = options.prebuiltId;
    this.runtime = options.runtime;
    this.clock = options.clock;
    this.original = { ...options.originals };
    this.current = { ...options.originals };
  }

  listen(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: SessionChange): void {
    for (const listener of this.listeners) listener(change);
  }

  // ------------------------------------------------------------------ code

  get language(): Language {
    return this.active;
  }

  /** Makes `language` the one Run runs; a language with no runtime is refused (false). */
  setLanguage(language: Language): boolean {
    if (!canRun(language)) return false;
    if (language !== this.active) {
      this.active = language;
      this.emit({ type: "language", language });
    }
    return true;
  }

  code(language: Language = this.active): string {
    return this.current[language];
  }

  originalCode(language: Language = this.active): string {
    return this.original[language];
  }

  edited(language: Language = this.active): boolean {
    return this.current[language] !== this.original[language];
  }

  /** A new original (the playground's `?example=`); the code returns to it. */
  setOriginal(language: Language, code: string): void {
    this.original[language] = code;
    this.setCode(language, code, "original");
  }

  setCode(language: Language, code: string, source: CodeSource): void {
    this.current[language] = code;
    this.emit({ type: "code", language, code, source });
  }

  // ------------------------------------------------------------------ running

  get state(): string {
    return this.stateNow;
  }

  private setState(state: string): void {
    this.stateNow = state;
    this.emit({ type: "state", state });
  }

  /** Runs the active language's current code, ending any run in flight first. */
  async start(): Promise<void> {
    this.stop();
    const generation = ++this.generation;
    const language = this.active;
    const code = this.current[language];
    const clock = this.clock();
    const tracing = this.wantsTrace();
    const prebuilt =
      language === "ts" && this.prebuiltId && code === this.original.ts ? { id: this.prebuiltId, hash: this.hash } : null;
    this.emit({ type: "start", language, code, clock, tracing });
    this.setState("running");
    let runtime;
    try {
      runtime = await loadRuntime(language, this.runtime);
    } catch (error) {
      if (generation === this.generation) {
        const detail = error instanceof Error ? error.message : String(error);
        // The runner's own code not fetched (offline before a first run cached it): said as that.
        const key = error instanceof TypeError && /fetch|import/i.test(detail) ? "runnerDownload" : "runtimeFailed";
        this.end({ reason: "failed", failure: { key, detail } });
      }
      return;
    }
    if (generation !== this.generation) return;
    let handle: RunHandle | null = null;
    handle = runtime.start({ language, code, clock, trace: tracing, prebuilt }, (event) => {
      if (event.type === "end") {
        if (this.run !== null && this.run === handle) this.run = null;
        this.end(event.end);
      } else if (generation === this.generation) {
        this.emit({ type: "run", event });
      }
    });
    if (!handle.ended) this.run = handle;
  }

  private end(end: RunEnd): void {
    this.emit({ type: "run", event: { type: "end", end } });
    this.setState(endState(end));
  }

  /** Stop: ends the run (or its start) at once; the output says "Stopped." */
  stop(): void {
    this.generation++;
    const run = this.run;
    this.run = null;
    if (run && !run.ended) run.stop();
    else if (this.stateNow === "running") this.end({ reason: "stopped" });
  }

  /** Gets the active language's runtime ready (a sandbox booted) for a Run soon. */
  prepare(): void {
    void loadRuntime(this.active, this.runtime).then((r) => r.prepare(), () => undefined);
  }

  /** Warms what edited code needs (the bundler), on the first edit. */
  warm(): void {
    void loadRuntime(this.active, this.runtime).then((r) => r.warm(), () => undefined);
  }
}
