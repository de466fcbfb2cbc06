// Once per test run: a migrated SQLite database with the reference data (communes, criteria,
// levels), made with the same commands a user runs. Each test file copies it (tests/setup/env.ts).
import path from "node:path";
import Database from "better-sqlite3";
import { prepareDatabase, serverEnv } from "../../scripts/lib/harness";

export const TMP_DIR = path.resolve("tests/.tmp");

export default function setup() {
  const env = serverEnv(TMP_DIR, undefined, { SESSION_SECRET: "t".repeat(40) });
  env.DATABASE_URL = `file:${path.join(TMP_DIR, "template.db")}`;
  prepareDatabase(env);
  // Fold the WAL into the main file so that a plain copy is complete.
  const db = new Database(path.join(TMP_DIR, "template.db"));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.pragma("journal_mode = DELETE");
  db.close();
}
