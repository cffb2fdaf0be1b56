/**
 * The type service's worker: builds the service (./service.ts) from the files embedded
 * at site build time, then answers the page's requests one at a time, in order.
 * Built into `_runner/typecheck.js` by ./build/bundle.ts; started by ./client.ts.
 */
import files from "asyncio-notes:service-files";
import type { Request, Response } from "./protocol";
import { TypeService } from "./service";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Response): void;
};

let service: TypeService | null = null;

async function answer(request: Request): Promise<Response> {
  service ??= new TypeService(files);
  switch (request.kind) {
    case "diagnostics":
      return { id: request.id, kind: "diagnostics", diagnostics: service.diagnostics(request.code) };
    case "hover":
      return { id: request.id, kind: "hover", hover: service.hover(request.code, request.pos) };
    case "complete":
      return { id: request.id, kind: "complete", completion: await service.complete(request.code, request.pos, request.explicit) };
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  answer(request).then(
    (response) => scope.postMessage(response),
    (error: unknown) => scope.postMessage({ id: request.id, kind: "failed", message: String(error) }),
  );
};
