/**
 * The editor's one link to the type service: a slot that stays empty until the editor
 * is open, the page is idle and no run of the example is in flight (a run never waits
 * on the service, not even for CPU), then fills with ./extension.ts (loaded on demand, with
 * `@codemirror/lint` and `@codemirror/autocomplete`), which starts the worker. Nothing
 * of the service is requested on page load or before an editor opens.
 */
import { Compartment, type Extension } from "@codemirror/state";
import { ViewPlugin } from "@codemirror/view";
import { TYPECHECK_FILE } from "./protocol";

function whenIdle(work: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(work, { timeout: 1500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 200);
  return () => clearTimeout(handle);
}

/** `host`: the editor's parent, inside its `<asyncio-example>` (which names the base URL). */
export function typeServiceWhenIdle(host: HTMLElement): Extension {
  const slot = new Compartment();
  const example = host.closest<HTMLElement>("asyncio-example");
  // The runner's directory (RUNNER_DIR in src/runner/paths.ts, which this leaf may not import).
  const url = `${example?.dataset.base ?? "/"}_runner/${TYPECHECK_FILE}?v=${encodeURIComponent(example?.dataset.build ?? "")}`;
  return [
    slot.of([]),
    ViewPlugin.define((view) => {
      let live = true;
      let watcher: MutationObserver | null = null;
      const load = (): void => {
        // A run in flight (bundling or running) goes first: start once it has ended.
        if (example?.dataset.state === "running") {
          watcher ??= new MutationObserver(() => {
            if (example.dataset.state === "running") return;
            watcher?.disconnect();
            if (live) load();
          });
          watcher.observe(example, { attributes: true, attributeFilter: ["data-state"] });
          return;
        }
        import("./extension").then(
          ({ typeService }) => {
            if (live) view.dispatch({ effects: slot.reconfigure(typeService(host, url)) });
          },
          (error: unknown) => console.error("asyncio-example: the type service did not load", error),
        );
      };
      const cancel = whenIdle(load);
      return {
        destroy() {
          live = false;
          cancel();
          watcher?.disconnect();
        },
      };
    }),
  ];
}
