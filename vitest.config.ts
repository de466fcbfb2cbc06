import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests. Integration tests each get their own copy of a migrated SQLite file
// (made once by tests/setup/global-setup.ts, copied by tests/setup/env.ts). Browser tests have
// their own config: vitest.e2e.config.ts.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts", "tests/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/env.ts"],
    pool: "forks",
    testTimeout: 20000,
  },
});
