/**
 * The type service's first start, as a page-wide signal. From the moment an editor asks
 * for the service until the service first answers, it is "booting": downloading
 * TypeScript, evaluating it and building the program, seconds of CPU. Other warm-up
 * work that the reader has not asked for yet (the bundler's 14 MB of wasm, warmed on the
 * first edit) waits for the end of that, so on a two-core machine the two do not halve
 * each other's speed and the first diagnostics come sooner. Only warm-ups wait: a Run
 * never does (a run holds the service instead, ./run-gate.ts).
 *
 *   serviceBooting();                        // an editor opened: the service is on its way
 *   afterServiceBoot(() => warmBundler());   // now, or once the service is up
 *   serviceBooted();                         // its first answer (or it gave up)
 */

/** Longest a warm-up waits for the service: a slow or stuck start must not keep it back for good. */
export const BOOT_WAIT_MS = 4000;

let state: "off" | "booting" | "up" = "off";
const waiting = new Set<() => void>();

/** True from an editor's request for the service until its first answer. */
export function serviceIsBooting(): boolean {
  return state === "booting";
}

/** An editor asked for the type service; a no-op once it has answered (or given up) once. */
export function serviceBooting(): void {
  if (state === "off") state = "booting";
}

/** The service answered once, or will not start: what waited on it goes now. */
export function serviceBooted(): void {
  state = "up";
  const works = [...waiting];
  waiting.clear();
  for (const work of works) work();
}

/**
 * Calls `work` now if the service is not booting, else once it has booted, or after
 * `limitMs` at the latest, whichever comes first (`work` runs once). Returns a cancel.
 */
export function afterServiceBoot(work: () => void, limitMs = BOOT_WAIT_MS): () => void {
  if (state !== "booting") {
    work();
    return () => undefined;
  }
  const once = (): void => {
    clearTimeout(timer);
    waiting.delete(once);
    work();
  };
  const timer = setTimeout(once, limitMs);
  waiting.add(once);
  return () => {
    clearTimeout(timer);
    waiting.delete(once);
  };
}
