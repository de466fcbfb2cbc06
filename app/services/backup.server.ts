// Online backup and restore of the SQLite database. The backup is `VACUUM INTO`: one read
// transaction, so in WAL mode it is a consistent snapshot taken while the server keeps writing.
import { satisfiedSql } from "~/lib/score";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type DatabaseSummary = {
  integrity: string;
  responses: number;
  ratings: number;
  complaints: number;
  rollupMatches: boolean;
};

export function summarise(file: string): DatabaseSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma("integrity_check", { simple: true }) as string) ?? "unknown";
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const raw = db
      .prepare(`SELECT COALESCE(SUM(${satisfiedSql("score")}), 0) AS s, COALESCE(SUM(score IS NOT NULL), 0) AS a FROM Rating`)
      .get() as { s: number; a: number };
    const rolled = db
      .prepare("SELECT COALESCE(SUM(satisfied), 0) AS s, COALESCE(SUM(answered), 0) AS a FROM ScoreRollup")
      .get() as { s: number; a: number };
    return {
      integrity,
      responses: count("Response"),
      ratings: count("Rating"),
      complaints: count("Complaint"),
      rollupMatches: raw.s === rolled.s && raw.a === rolled.a,
    };
  } finally {
    db.close();
  }
}

/** Writes a consistent copy of the live database to `dest` (which must not exist). */
export function backupDatabase(source: string, dest: string): DatabaseSummary {
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  if (fs.existsSync(dest)) throw new Error(`${dest} already exists`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 10000");
    db.prepare("VACUUM INTO ?").run(dest);
  } finally {
    db.close();
  }
  return summarise(dest);
}

/**
 * Replaces the database at `target` with the backup, after checking the backup. The server must be
 * stopped: the copy is written beside the target and renamed over it, and the old WAL removed.
 */
export function restoreDatabase(backup: string, target: string): DatabaseSummary {
  const summary = summarise(backup);
  if (summary.integrity !== "ok") throw new Error(`backup failed its integrity check: ${summary.integrity}`);
  const tmp = `${target}.restoring`;
  fs.copyFileSync(backup, tmp);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(tmp, target);
  return summarise(target);
}
