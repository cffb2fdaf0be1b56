import { defineConfig } from "vitest/config";

// Browser tests: they drive the system Chromium against the built site (dist/), so
// `npm run build` must run first (scripts/test.mjs does). One file at a time: two
// cores, and each file starts its own Chromium.
export default defineConfig({
  test: {
    include: ["tests/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // expect.poll waits for what the page does next (a transition, a smooth scroll, a
    // worker's answer): a second is tight for a busy two-core machine, so five. A poll
    // still ends as soon as its value matches; only a failure takes longer.
    expect: { poll: { timeout: 5000 } },
  },
});
