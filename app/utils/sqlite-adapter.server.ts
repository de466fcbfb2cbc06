// Prisma's driver adapter for better-sqlite3 runs every query on one connection and takes its lock
// only to start a transaction. So while one request's interactive transaction waits between two
// of its queries, another request's query runs inside it: a read sees rows that may still be
// rolled back (and an in-memory copy made from it keeps them), and a write joins that
// transaction and is lost if it rolls back, although its request was told it succeeded
// (measured: tests/integration/transaction-isolation.test.ts). Decision 032.
//
// This factory gives Prisma two connections to the same file. Reads outside a transaction
// (statements that start with SELECT) go to a read-only connection: committed data only, and in
// WAL mode they never wait for a writer. Everything else (writes, pragmas, and every
// transaction, reads included) goes to the other connection, one at a time: a write outside a
// transaction waits until the open transaction has finished.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * How long a write waits for the open transaction before giving up with SQLITE_BUSY (the request
 * gets the usual 503). It also ends what would otherwise be a wait forever: a write made through
 * the global client inside a transaction (it must use `tx`).
 */
export const LOCK_WAIT_MS = 5_000;

/** One holder at a time, in order of arrival. */
class Lock {
  #tail: Promise<unknown> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const before = this.#tail;
    this.#tail = before.then(() => held);
    return new Promise((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(
          Object.assign(new Error(`SQLITE_BUSY: waited ${LOCK_WAIT_MS} ms for a transaction to finish`), { code: "SQLITE_BUSY" }),
        );
      }, LOCK_WAIT_MS);
      void before.then(() => {
        clearTimeout(timer);
        // Given up: pass the turn on at once.
        if (gaveUp) release();
        else resolve(release);
      });
    });
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** A statement that only reads (Prisma's reads and ours all start with SELECT). */
const READ_ONLY = /^\s*SELECT\b/i;

/** `pragmas` run on both connections when they open (busy timeout, foreign keys…). */
export function sqliteAdapter(url: string, pragmas: readonly string[]) {
  const writerFactory = new PrismaBetterSQLite3({ url });
  const readerFactory = new PrismaBetterSQLite3({ url, readonly: true });
  const factory: Pick<Factory, "provider" | "adapterName" | "connect"> = {
    provider: writerFactory.provider,
    adapterName: writerFactory.adapterName,
    async connect(): Promise<Adapter> {
      const writer = await writerFactory.connect();
      const reader = await readerFactory.connect();
      for (const pragma of pragmas) {
        await writer.executeScript(pragma);
        // journal_mode is the file's (WAL, set by the writer); the others are per connection.
        if (!/journal_mode/i.test(pragma)) await reader.executeScript(pragma);
      }
      // A first read now, before any transaction: a connection's first read sets up its view of
      // the WAL index, and when that happened inside another connection's transaction, that
      // transaction's write failed with SQLITE_BUSY_SNAPSHOT (seen with the bookkeeping
      // connection, db.server.ts).
      await reader.executeScript("PRAGMA schema_version");
      const lock = new Lock();
      const adapter: Adapter = {
        provider: writer.provider,
        adapterName: writer.adapterName,
        queryRaw: (query: Query) => (READ_ONLY.test(query.sql) ? reader.queryRaw(query) : lock.run(() => writer.queryRaw(query))),
        executeRaw: (query: Query) => lock.run(() => writer.executeRaw(query)),
        executeScript: (script: string) => lock.run(() => writer.executeScript(script)),
        async startTransaction(isolationLevel) {
          const release = await lock.acquire();
          try {
            return holding(await writer.startTransaction(isolationLevel), release);
          } catch (e) {
            release();
            throw e;
          }
        },
        getConnectionInfo: writer.getConnectionInfo?.bind(writer),
        async dispose() {
          await reader.dispose();
          await writer.dispose();
        },
      };
      return adapter;
    },
  };
  return factory;
}

/** The transaction, releasing the lock when it commits or rolls back. */
function holding(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const done = () => {
    if (!released) release();
    released = true;
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query: Query) => tx.queryRaw(query),
    executeRaw: (query: Query) => tx.executeRaw(query),
    async commit() {
      try {
        await tx.commit();
      } finally {
        done();
      }
    },
    async rollback() {
      try {
        await tx.rollback();
      } finally {
        done();
      }
    },
  };
}
