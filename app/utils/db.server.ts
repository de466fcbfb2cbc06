// The one Prisma client of the process (driver-adapter mode on better-sqlite3), and one plain
// synchronous connection for the versions of the in-memory copies, read several times on every
// request (decision 016).
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";
import { sqliteAdapter } from "./sqlite-adapter.server";

/**
 * SQLite settings, applied to every connection we open:
 * - WAL: readers do not block the writer and vice versa.
 * - synchronous=FULL: an acknowledged survey answer survives a power cut, at a small cost per
 *   commit (WAL + NORMAL would only survive a process crash).
 * - busy_timeout: wait for a lock instead of failing at once (backups, CLI tools).
 * - foreign_keys: SQLite leaves them off by default.
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL",
  "PRAGMA synchronous = FULL",
  `PRAGMA busy_timeout = ${env.SQLITE_BUSY_TIMEOUT_MS}`,
  "PRAGMA foreign_keys = ON",
];

/** SQLite answers that mean "the database cannot be used right now", not "your request is wrong". */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|READONLY|IOERR|FULL|CANTOPEN|PROTOCOL|NOTADB|CORRUPT)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string } } };
    cause?: { originalCode?: string };
  } | null;
  const code = e?.meta?.driverAdapterError?.cause?.originalCode ?? e?.cause?.originalCode ?? e?.code ?? "";
  return UNAVAILABLE.test(code);
}

/** A locked, read-only, full or unreadable database as the 503 every request gets; any other error as it is. */
export function asUnavailable(e: unknown): unknown {
  if (!isDatabaseUnavailable(e)) return e;
  console.error("database unavailable:", (e as Error).message.split("\n").slice(-1)[0]);
  return new Response(null, { status: 503, statusText: "Database unavailable", headers: { "Retry-After": "30" } });
}

/** The SQLite file a DATABASE_URL names ("file:./data/app.db" → an absolute path). */
export function sqliteFile(url: string): string {
  return path.resolve(url.replace(/^file:/, "").split("?")[0]);
}

/** A synchronous better-sqlite3 connection with the project's journal mode and busy timeout. */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma(`busy_timeout = ${env.SQLITE_BUSY_TIMEOUT_MS}`);
  return db;
}

/**
 * The client with one rule for every query: when the database is locked, read-only, full or
 * unreadable, the request ends with a 503 (shown as "temporarily unavailable" in the reader's
 * language) instead of a 500, and the process carries on; the next request tries again.
 */
export async function createPrismaClient(url: string) {
  // Two connections: reads outside transactions never see another request's uncommitted rows,
  // and no write can join another request's transaction (sqlite-adapter.server.ts).
  const base = new PrismaClient({ adapter: sqliteAdapter(url, SQLITE_PRAGMAS) });
  return base.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (e) {
          throw asUnavailable(e);
        }
      },
    },
  });
}

declare global {
  // Keeps one client across dev-server rebuilds.
  var __prisma: Awaited<ReturnType<typeof createPrismaClient>> | undefined;
}

export const prisma = (globalThis.__prisma ??= await createPrismaClient(env.DATABASE_URL));

/** Closes the database (server shutdown): the WAL is checkpointed and the file left clean. */
export async function disconnect() {
  await prisma.$disconnect();
  globalThis.__bookkeepingDb?.close();
  globalThis.__bookkeepingDb = undefined;
}

/** True when the database answers a trivial query and can take a write lock. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** The client inside `prisma.$transaction(async (tx) => …)`: models that run in a caller's transaction take it. */
export type Tx = Parameters<Extract<Parameters<typeof prisma.$transaction>[0], (...args: never[]) => unknown>>[0];
/**
 * Versions of the data the app keeps copies of in memory (app/utils/cache.server.ts), bumped by
 * SQLite triggers in the same transaction as the change (migration 20261127130000): "reference"
 * (communes, criteria, settings, levels, recognitions, rounds), "answers" (responses and so the
 * score rollups), "complaints", "sessions" (sessions, users and their communes: migration
 * 20261127200000). Any process's change is seen by the next read in every process.
 */
export type CacheScope = "reference" | "answers" | "complaints" | "sessions" | "works";
export type CacheVersions = Record<CacheScope, number>;

declare global {
  // One bookkeeping connection per process, kept across dev-server rebuilds.
  var __bookkeepingDb: Database.Database | undefined;
}

/**
 * The bookkeeping connection: a synchronous better-sqlite3 handle on the same file, for the cache
 * versions (three reads per survey answer: a prepared statement costs microseconds, a Prisma
 * round trip ~0.2 ms of CPU). Every model query goes through Prisma.
 */
function bookkeepingDb(): Database.Database {
  if (!globalThis.__bookkeepingDb) {
    const db = openSqlite(sqliteFile(env.DATABASE_URL));
    // It reads a few pages (the versions, the newest answers): SQLite's usual 2 MiB page cache,
    // not better-sqlite3's 16 MiB, which would fill up over time in every server process.
    db.pragma("cache_size = -2000");
    // A first read, now: a connection's first read transaction sets up its view of the WAL index,
    // and when that happened inside another connection's transaction (a lazy first use from a
    // model running in prisma.$transaction), that transaction's write failed with
    // SQLITE_BUSY_SNAPSHOT. So the connection is opened with the module, before any transaction.
    db.pragma("schema_version");
    globalThis.__bookkeepingDb = db;
  }
  return globalThis.__bookkeepingDb;
}
try {
  bookkeepingDb();
} catch (e) {
  // No database yet (or unreadable): the first request that needs it reports it (503).
  console.error("database unavailable:", (e as Error).message);
}

let versionsStatement: Database.Statement<[], { scope: CacheScope; version: number }> | undefined;

/**
 * The versions as committed now, by any process. A prepared statement on the bookkeeping
 * connection (some microseconds, no Prisma round trip): it runs several times per request, and
 * reading committed state directly means no in-flight read can be reused after a write of ours.
 */
export function readCacheVersions(): CacheVersions {
  try {
    versionsStatement ??= bookkeepingDb().prepare("SELECT scope, version FROM CacheVersion");
    const out: CacheVersions = { reference: 0, answers: 0, complaints: 0, sessions: 0, works: 0 };
    for (const r of versionsStatement.all()) out[r.scope] = Number(r.version);
    return out;
  } catch (e) {
    throw asUnavailable(e);
  }
}

export type AnswerChanges = {
  /** the "answers" version these changes bring the reader to */
  answers: number;
  /** the highest answer id committed */
  lastId: number;
  /**
   * The communes that received answers after `since.lastId`, or null when anything else changed
   * answers since `since.answers` (an answer removed or edited, rollups rebuilt): read everything.
   */
  communeIds: number[] | null;
};

let changesStatements:
  | {
      version: Database.Statement<[], number>;
      lastId: Database.Statement<[], number>;
      added: Database.Statement<[number], number>;
      communes: Database.Statement<[number], number>;
    }
  | undefined;

/** Past this many new answers, reading everything again is cheaper than finding their communes. */
const MAX_CHANGES_FOLLOWED = 2000;

/**
 * Which communes' answers changed since a reader's last look (decision 031), in one read
 * transaction on the bookkeeping connection. Answers are only ever added by the app, with
 * increasing ids (AUTOINCREMENT; SQLite has one writer, so ids are committed in order): when
 * the "answers" version moved by exactly the number of answers added since `since.lastId`,
 * nothing else happened and only those answers' communes changed. Any other difference (a
 * deletion, an update, a bulk load that bumped the version by hand), more than
 * MAX_CHANGES_FOLLOWED new answers, or no `since` returns `communeIds: null`: read everything.
 */
export function readAnswerChanges(since: { answers: number; lastId: number } | null): AnswerChanges {
  try {
    const db = bookkeepingDb();
    changesStatements ??= {
      version: db.prepare<[], number>("SELECT version FROM CacheVersion WHERE scope = 'answers'").pluck(),
      lastId: db.prepare<[], number>("SELECT COALESCE(MAX(id), 0) FROM Response").pluck(),
      added: db.prepare<[number], number>("SELECT COUNT(*) FROM Response WHERE id > ?").pluck(),
      // Not DISTINCT: with it SQLite scans a whole index instead of the few rows after the id.
      communes: db.prepare<[number], number>("SELECT communeId FROM Response WHERE id > ?").pluck(),
    };
    const s = changesStatements;
    return db.transaction((): AnswerChanges => {
      const answers = Number(s.version.get() ?? 0);
      const lastId = Number(s.lastId.get() ?? 0);
      if (!since || since.lastId > lastId || lastId - since.lastId > MAX_CHANGES_FOLLOWED)
        return { answers, lastId, communeIds: null };
      const onlyAdded = answers - since.answers === Number(s.added.get(since.lastId));
      return { answers, lastId, communeIds: onlyAdded ? [...new Set(s.communes.all(since.lastId).map(Number))] : null };
    })();
  } catch (e) {
    throw asUnavailable(e);
  }
}
