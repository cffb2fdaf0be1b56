/**
 * Deferring work until the page is idle, for anything in the browser that should not
 * compete with a reader's click or scroll (the type service's first load, the output's
 * font warm-up).
 *
 *   const cancel = whenIdle(() => primeOutputFonts(wrap), 3000);
 */

/** Calls `work` when the page is next idle (at most `timeout` ms later); returns a cancel. */
export function whenIdle(work: () => void, timeout = 1500): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(work, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 200);
  return () => clearTimeout(handle);
}
