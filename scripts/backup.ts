// npm run backup [-- <file>]: consistent online backup of the live database (the server may keep
// running). Default file: <DATA_DIR>/backups/app-<date-time>.db. Prints what it contains.
// npm run restore -- <file>: replaces the database with a backup. Stop the server first.
import path from "node:path";
import { backupDatabase, restoreDatabase } from "../app/services/backup.server";

const [command, file] = process.argv.slice(2);
const dataDir = process.env.DATA_DIR ?? "./data";
const live = (process.env.DATABASE_URL ?? `file:${path.join(dataDir, "app.db")}`).replace(/^file:/, "");

if (command === "backup") {
  const dest = file ?? path.join(dataDir, "backups", `app-${new Date().toISOString().replace(/[:.]/g, "-")}.db`);
  const summary = backupDatabase(live, dest);
  console.log(`Backup written to ${dest}`);
  console.log(summary);
  console.log("Photos are files: copy the upload directory too (default data/uploads).");
} else if (command === "restore" && file) {
  console.log(restoreDatabase(file, live));
  console.log(`Restored ${file} into ${live}.`);
} else {
  console.error("Usage: tsx scripts/backup.ts backup [file] | restore <file>");
  process.exit(2);
}
