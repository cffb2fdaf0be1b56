/**
 * Host-yield probe for bench/loop.mjs (active only with `--host-yields` on the command
 * line). The loop library hands control back to the host at least every 10 ms of
 * running, through `setImmediate` in Node (src/asyncio/clock.ts). This module wraps
 * `globalThis.setImmediate` before the library first looks it up, and records how many
 * host turns were asked for and how long each took from the request to the callback
 * starting: the time the loop spent away from its own work.
 *
 * It must be imported before "asyncio" so it runs first.
 */
export interface HostProbeStats {
  count: number;
  awayMs: number;
  maxAwayMs: number;
}

const stats: HostProbeStats = { count: 0, awayMs: 0, maxAwayMs: 0 };
export const hostProbeActive = process.argv.includes("--host-yields");

if (hostProbeActive) {
  const original = globalThis.setImmediate;
  const wrapped = (cb: (...args: unknown[]) => void, ...args: unknown[]): NodeJS.Immediate => {
    const asked = performance.now();
    return original(() => {
      const away = performance.now() - asked;
      stats.count += 1;
      stats.awayMs += away;
      if (away > stats.maxAwayMs) stats.maxAwayMs = away;
      cb(...args);
    });
  };
  globalThis.setImmediate = Object.assign(wrapped, original) as typeof setImmediate;
}

/** The counts so far, then zero them. */
export function takeHostProbe(): HostProbeStats {
  const out = { ...stats };
  stats.count = 0;
  stats.awayMs = 0;
  stats.maxAwayMs = 0;
  return out;
}
