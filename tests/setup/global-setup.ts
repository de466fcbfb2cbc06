// Once per test run: a migrated SQLite database with the reference data (communes, criteria,
// levels), made with the same commands a user runs. Each test file copies it (tests/setup/env.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const TMP_DIR = path.resolve("tests/.tmp");
export const TEMPLATE_DB = path.join(TMP_DIR, "template.db");

export default function setup() {
  fs.rmSync(TMP_DIR, { recursive: true, force: true });
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const env = { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}`, DATA_DIR: TMP_DIR, SESSION_SECRET: "t".repeat(40) };
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env, stdio: "pipe" });
  execFileSync("npx", ["tsx", "prisma/seed.ts", "--no-demo"], { env, stdio: "pipe" });
  // Fold the WAL into the main file so a plain copy is complete.
  execFileSync("node", [
    "-e",
    `const D=require("better-sqlite3");const d=new D(${JSON.stringify(TEMPLATE_DB)});d.pragma("wal_checkpoint(TRUNCATE)");d.pragma("journal_mode=DELETE");d.close()`,
  ]);
}
