import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests: the production build served by server.js on a fresh SQLite file, driven by
// Debian's Chromium through playwright-core. Run after `npm run build`.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/setup/e2e-server.ts"],
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 60000,
  },
});
