/**
 * The editor's one link to the type service: a slot that stays empty until the editor
 * is open, the page is idle and no run on the page is in flight (a run never waits on
 * the service, not even for CPU: ./run-gate.ts), then fills with ./extension.ts (loaded
 * on demand, with `@codemirror/lint` and `@codemirror/autocomplete`), which starts the
 * worker. Nothing of the service is requested on page load or before an editor opens.
 */
import { Compartment, type Extension } from "@codemirror/state";
import { ViewPlugin } from "@codemirror/view";
import { serviceBooted, serviceBooting } from "./boot";
import { TYPECHECK_FILE } from "./protocol";
import { whenIdle } from "../lib/idle";
import { runInFlight, watchRuns } from "./run-gate";

/** `host`: the editor's parent, inside its `<asyncio-example>` (which names the base URL). */
export function typeServiceWhenIdle(host: HTMLElement): Extension {
  const slot = new Compartment();
  const example = host.closest<HTMLElement>("asyncio-example");
  // The runner's directory (RUNNER_DIR in src/runner/paths.ts, which this leaf may not import).
  const url = `${example?.dataset.base ?? "/"}_runner/${TYPECHECK_FILE}?v=${encodeURIComponent(example?.dataset.build ?? "")}`;
  return [
    slot.of([]),
    ViewPlugin.define((view) => {
      // From here until its first answer the service is booting: warm-ups wait (./boot.ts).
      serviceBooting();
      let live = true;
      let stopWatching: (() => void) | null = null;
      const load = (): void => {
        if (!live) return;
        // A run in flight (bundling, running or drawing its output) goes first: load once it has ended.
        if (runInFlight()) {
          stopWatching ??= watchRuns((running) => {
            if (running) return;
            stopWatching?.();
            stopWatching = null;
            load();
          });
          return;
        }
        import("./extension").then(
          ({ typeService }) => {
            if (live) view.dispatch({ effects: slot.reconfigure(typeService(host, url)) });
          },
          (error: unknown) => {
            serviceBooted();
            console.error("asyncio-example: the type service did not load", error);
          },
        );
      };
      const cancel = whenIdle(load);
      return {
        destroy() {
          live = false;
          cancel();
          stopWatching?.();
        },
      };
    }),
  ];
}
