// Prisma CLI configuration: driver-adapter mode (WASM engine + better-sqlite3), so no engine
// binary is downloaded. See docs/decisions/001-stack.md.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

// Same default as app/utils/env.server.ts: <DATA_DIR>/app.db
process.env.DATABASE_URL ??= `file:${path.join(process.env.DATA_DIR ?? "./data", "app.db")}`;
const file = process.env.DATABASE_URL.replace(/^file:/, "");
if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});
