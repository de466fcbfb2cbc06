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
  "PRAGMA busy_timeout = 5000",
  "PRAGMA foreign_keys = ON",
];

export async function createPrismaClient(url: string) {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  for (const pragma of SQLITE_PRAGMAS) await client.$queryRawUnsafe(pragma);
  return client;
}

declare global {
  // Keeps one client across dev-server rebuilds.
  var __prisma: Awaited<ReturnType<typeof createPrismaClient>> | undefined;
}

export const prisma = (globalThis.__prisma ??= await createPrismaClient(env.DATABASE_URL));
