import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit, conformance and content tests (Node). Browser tests have their own config
// in tests/browser/vitest.config.ts because they need a built site.
export default defineConfig({
  resolve: {
    alias: { asyncio: fileURLToPath(new URL("./src/asyncio/index.ts", import.meta.url)) },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/browser/**", "node_modules/**"],
    testTimeout: 60_000,
  },
});
