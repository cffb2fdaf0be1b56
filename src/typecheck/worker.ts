/**
 * The type service's worker: builds the service (./service.ts) from the files embedded
 * at site build time as soon as it starts, then answers the page's requests in order.
 * A diagnostics request that a later one (newer code) has overtaken in the queue is
 * answered "superseded" without a check: while the service boots, the page's warm-up
 * check, the editor's first check and the reader's first keystroke all queue up, and
 * only the last one is worth the checker's time.
 * Built into `_runner/typecheck.js` by ./build/bundle.ts; started by ./client.ts.
 */
import files from "asyncio-notes:service-files";
import type { Request, Response } from "./protocol";
import { TypeService } from "./service";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Response): void;
};

const queue: Request[] = [];
let busy = false;

async function answer(request: Request, service: TypeService): Promise<Response> {
  switch (request.kind) {
    case "diagnostics":
      if (queue.some((later) => later.kind === "diagnostics")) return { id: request.id, kind: "superseded" };
      return { id: request.id, kind: "diagnostics", diagnostics: service.diagnostics(request.code) };
    case "hover":
      return { id: request.id, kind: "hover", hover: service.hover(request.code, request.pos) };
    case "complete":
      return { id: request.id, kind: "complete", completion: await service.complete(request.code, request.pos, request.explicit) };
    case "detail":
      return { id: request.id, kind: "detail", detail: service.detail(request.code, request.pos, request.name) };
  }
}

/** Answers the next request, then yields to the event loop so requests sent meanwhile join the queue. */
function next(service: TypeService): void {
  const request = queue.shift();
  if (!request) {
    busy = false;
    return;
  }
  answer(request, service)
    .then(
      (response) => scope.postMessage(response),
      (error: unknown) => scope.postMessage({ id: request.id, kind: "failed", message: String(error) }),
    )
    .finally(() => setTimeout(() => next(service), 0));
}

// Build now, while the first requests are still on their way: the worker exists only
// because an editor wants the service, and its linter checks the editor's code at once.
const service = new TypeService(files);

scope.onmessage = (event) => {
  queue.push(event.data);
  if (busy) return;
  busy = true;
  setTimeout(() => next(service), 0);
};

