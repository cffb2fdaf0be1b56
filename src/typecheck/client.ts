/**
 * The page's side of the type service: one worker for the whole page, started on the
 * first request, shared by every editor. A request that takes too long (a huge paste)
 * ends the worker; the next request starts a fresh one, and `onRestart` listeners show
 * a short message. The page itself never waits on the checker: every request is async.
 */
import { serviceBooted } from "./boot";
import type { CompletionAnswer, HoverAnswer, Request, Response, SymbolInfo, TypeDiagnostic } from "./protocol";

/** Longer than this and the service is stuck: restart it. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** Until its first answer the worker is still downloading and building the service. */
export const START_TIMEOUT_MS = 60_000;
/** Past this many characters the code is not sent at all (the share-link cap is 64 KB). */
export const MAX_CODE_CHARS = 200_000;
/** A worker that fails this often (offline, blocked script) is not started again. */
export const MAX_CRASHES = 3;

type Pending = { resolve(response: Response): void; timer: number; message: Request; size: number };
type Body<K extends Request["kind"]> = Omit<Extract<Request, { kind: K }>, "id" | "kind">;

export type RestartReason = "timeout" | "crashed";

export class TypeServiceClient {
  private worker: Worker | null = null;
  /** Workers that failed to load or crashed; after MAX_CRASHES the service stays off. */
  private crashes = 0;
  /** The current worker has answered once: it is up. */
  private ready = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly restartListeners = new Set<(reason: RestartReason) => void>();
  /** Code this long or longer made the service time out once: it is not sent again. */
  private sizeLimit = MAX_CODE_CHARS;
  /** A run is in flight (./run-gate.ts): no worker starts, and a booting one was ended. */
  private held = false;
  /** Someone asked for the service: start it when the hold ends. */
  private wanted = false;

  constructor(readonly url: string) {}

  get started(): boolean {
    return this.worker !== null;
  }

  /** Starts the worker now (it loads and builds the service in the background), or when the hold ends. */
  start(): void {
    this.wanted = true;
    if (this.worker || this.held || this.crashes >= MAX_CRASHES) return;
    const worker = new Worker(this.url, { name: "typecheck" });
    this.ready = false;
    worker.onmessage = (event: MessageEvent<Response>) => {
      // Up once it has checked something (what was overtaken in its queue does not count).
      if (event.data.kind !== "superseded") serviceBooted();
      this.ready = true;
      const waiting = this.pending.get(event.data.id);
      if (!waiting) return;
      this.pending.delete(event.data.id);
      window.clearTimeout(waiting.timer);
      waiting.resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.restart("crashed");
    };
    this.worker = worker;
    // Requests that waited (a hold, a worker ended while booting) go to this one.
    for (const waiting of this.pending.values()) this.send(waiting);
    // The worker builds the service as soon as it runs; the editor's linter asks first.
  }

  /**
   * A run starts: until `release()`, no worker starts, and a worker still booting is
   * ended (its requests wait for the next one), so the run gets the CPU. A worker that
   * is up stays: answering a check is short.
   */
  hold(): void {
    this.held = true;
    if (!this.worker || this.ready) return;
    this.worker.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) window.clearTimeout(waiting.timer);
  }

  /** No run is in flight any more: start the service again if it was wanted. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    if (this.wanted) this.start();
  }

  onRestart(listener: (reason: RestartReason) => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  private restart(reason: RestartReason): void {
    if (reason === "crashed") this.crashes++;
    // A service that failed to start keeps nothing waiting for it.
    serviceBooted();
    this.worker?.terminate();
    this.worker = null;
    for (const [id, waiting] of this.pending) {
      window.clearTimeout(waiting.timer);
      waiting.resolve({ id, kind: "failed", message: reason });
    }
    this.pending.clear();
    for (const listener of this.restartListeners) listener(reason);
  }

  private request<K extends Request["kind"]>(kind: K, body: Body<K>): Promise<Response> {
    this.start();
    const id = this.nextId++;
    const message = { id, kind, ...body } as Request;
    if (!this.worker && !this.held) return Promise.resolve({ id, kind: "failed", message: "off" });
    return new Promise((resolve) => {
      const waiting: Pending = { resolve, timer: 0, message, size: "code" in body ? String(body.code).length : 0 };
      this.pending.set(id, waiting);
      if (this.worker) this.send(waiting);
    });
  }

  /** Posts a request to the current worker, with a deadline after which the worker is restarted. */
  private send(waiting: Pending): void {
    window.clearTimeout(waiting.timer);
    waiting.timer = window.setTimeout(() => {
      this.sizeLimit = Math.min(this.sizeLimit, Math.max(waiting.size, 1000));
      this.restart("timeout");
    }, this.ready ? REQUEST_TIMEOUT_MS : START_TIMEOUT_MS);
    this.worker?.postMessage(waiting.message);
  }

  /** False for code too large to check (past the cap, or as large as a check that timed out). */
  accepts(code: string): boolean {
    return code.length < this.sizeLimit;
  }

  /** Diagnostics for `code`, or null when the service could not answer or a later request overtook this one. */
  async diagnostics(code: string): Promise<TypeDiagnostic[] | null> {
    if (!this.accepts(code)) return null;
    const r = await this.request("diagnostics", { code });
    return r.kind === "diagnostics" ? r.diagnostics : null;
  }

  async hover(code: string, pos: number): Promise<HoverAnswer | null> {
    if (!this.accepts(code)) return null;
    const r = await this.request("hover", { code, pos });
    return r.kind === "hover" ? r.hover : null;
  }

  async complete(code: string, pos: number, explicit: boolean): Promise<CompletionAnswer | null> {
    if (!this.accepts(code)) return null;
    const r = await this.request("complete", { code, pos, explicit });
    return r.kind === "complete" ? r.completion : null;
  }

  /** The signature and doc comment of the completion option `name`, offered at `pos`. */
  async detail(code: string, pos: number, name: string): Promise<SymbolInfo | null> {
    if (!this.accepts(code)) return null;
    const r = await this.request("detail", { code, pos, name });
    return r.kind === "detail" ? r.detail : null;
  }
}

let shared: TypeServiceClient | null = null;

/** The page's one client (the first caller's URL wins: every example shares the service). */
export function typeServiceClient(url: string): TypeServiceClient {
  shared ??= new TypeServiceClient(url);
  return shared;
}
