// The one Prisma client of the process (driver-adapter mode on better-sqlite3).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { env } from "./env.server";

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

/** Prisma operations that may change rows; a raw INSERT … RETURNING calls noteLocalWrite itself. */
const WRITES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
  "$executeRaw",
  "$executeRawUnsafe",
]);

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

/**
 * The client with one rule for every query: when the database is locked, read-only, full or
 * unreadable, the request ends with a 503 (shown as "temporarily unavailable" in the reader's
 * language) instead of a 500, and the process carries on; the next request tries again.
 */
export async function createPrismaClient(url: string) {
  const base = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  for (const pragma of SQLITE_PRAGMAS) await base.$queryRawUnsafe(pragma);
  return base.$extends({
    query: {
      async $allOperations({ operation, args, query }) {
        if (WRITES.has(operation)) noteLocalWrite();
        try {
          return await query(args);
        } catch (e) {
          if (isDatabaseUnavailable(e)) {
            console.error("database unavailable:", (e as Error).message.split("\n").slice(-1)[0]);
            throw new Response(null, { status: 503, statusText: "Database unavailable", headers: { "Retry-After": "30" } });
          }
          throw e;
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
}

/** True when the database answers a trivial query and can take a write lock. */
export async function checkDatabase(): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
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
 * score rollups), "complaints". Any process's change is seen by the next read in every process.
 */
export type CacheScope = "reference" | "answers" | "complaints";
export type CacheVersions = Record<CacheScope, number>;

let localWrites = 0;
let inflight: { writes: number; promise: Promise<CacheVersions> } | null = null;

/** Called before every write this process makes: a version read started earlier is not reused. */
export function noteLocalWrite() {
  localWrites++;
}

/**
 * One small query; calls made while it runs share it, unless this process wrote in between (a
 * read started before our own write could miss it).
 */
export function readCacheVersions(): Promise<CacheVersions> {
  if (inflight && inflight.writes === localWrites) return inflight.promise;
  const promise = prisma.$queryRaw<
    { scope: CacheScope; version: number | bigint }[]
  >`SELECT scope, version FROM CacheVersion`.then((rows) => {
    const out: CacheVersions = { reference: 0, answers: 0, complaints: 0 };
    for (const r of rows) out[r.scope] = Number(r.version);
    return out;
  });
  const entry = { writes: localWrites, promise };
  inflight = entry;
  const clear = () => {
    if (inflight === entry) inflight = null;
  };
  promise.then(clear, clear);
  return promise;
}
