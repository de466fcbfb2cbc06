// Group commit for survey answers. Each commit of an answer costs one fsync (synchronous=FULL:
// an acknowledged answer survives a power cut), and better-sqlite3 waits for it on the main
// thread: one transaction per answer would stall every other request for the length of a disk
// flush, 170 times a second during a survey evening. Answers that arrive while a commit is
// running are queued and written together in the next transaction (two statements, whatever
// their number), and each caller is answered only once that transaction is durable.
// See docs/decisions/016-read-path.md.
import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

export type AnswerRow = {
  communeId: number;
  period: string;
  ratings: { criterionId: number; score: number | null }[];
  village: string | null;
  comment: string | null;
  channel: string;
  voterHash: string | null;
  ipHash: string | null;
  submissionId: string;
  roundId: number | null;
  /** completion time in seconds (decision 026); null = unknown */
  durationSeconds?: number | null;
  isDemo: boolean;
  createdAt: Date;
};

export type WriteResult = { status: "created"; id: number } | { status: "replayed"; id: number } | { status: "duplicate" };

type Pending = { row: AnswerRow; resolve: (r: WriteResult) => void; reject: (e: unknown) => void };

/** Far below SQLite's limit of bound parameters (12 per answer, 3 per rating). */
const MAX_BATCH = 200;

let queue: Pending[] = [];
let running = false;
let scheduled = false;

/** Stores one answer with its ratings; resolves once the transaction holding it is durable. */
export function writeAnswer(row: AnswerRow): Promise<WriteResult> {
  return new Promise((resolve, reject) => {
    queue.push({ row, resolve, reject });
    schedule();
  });
}

function schedule() {
  if (running || scheduled || queue.length === 0) return;
  scheduled = true;
  // After the I/O callbacks of this turn: requests that are being read right now join the batch.
  setImmediate(() => {
    scheduled = false;
    void flush();
  });
}

async function flush() {
  if (running || queue.length === 0) return;
  running = true;
  const batch = queue.slice(0, MAX_BATCH);
  queue = queue.slice(MAX_BATCH);
  try {
    await writeBatch(batch);
  } catch (e) {
    if (batch.length === 1 || e instanceof Response) {
      // One answer failed, or the database is unavailable (503 for everyone).
      for (const p of batch) p.reject(e);
    } else {
      // Something in one answer (say, a commune deleted meanwhile) must not fail the others.
      for (const p of batch) await writeBatch([p]).catch(p.reject);
    }
  } finally {
    running = false;
    schedule();
  }
}

async function writeBatch(batch: Pending[]) {
  const responses = batch.map(
    ({ row: r }) =>
      Prisma.sql`(${r.communeId}, ${r.createdAt.toISOString()}, ${r.period}, ${r.village}, ${r.comment}, ${r.channel}, ${r.voterHash}, ${r.ipHash}, ${r.submissionId}, ${r.roundId}, ${r.durationSeconds ?? null}, ${r.isDemo ? 1 : 0})`,
  );
  const ratings = batch.flatMap(({ row: r }) =>
    r.ratings.map((rt) => Prisma.sql`(${r.submissionId}, ${rt.criterionId}, ${rt.score})`),
  );
  // A replayed form (same submissionId) or a second answer from the same resident (same commune,
  // period and voter) is skipped by ON CONFLICT, not failed: the others in the batch go in.
  // Ratings find their answer by submissionId; a replay's ratings already exist and are skipped.
  const [inserted] = await prisma.$transaction([
    prisma.$queryRaw<{ id: number | bigint; submissionId: string }[]>`
      INSERT INTO Response (communeId, createdAt, period, village, comment, channel, voterHash, ipHash, submissionId, roundId, durationSeconds, isDemo)
      VALUES ${Prisma.join(responses)}
      ON CONFLICT DO NOTHING
      RETURNING id, submissionId`,
    prisma.$executeRaw`
      INSERT INTO Rating (responseId, criterionId, score)
      SELECT r.id, v.column2, v.column3 FROM (VALUES ${Prisma.join(ratings)}) v JOIN Response r ON r.submissionId = v.column1
      WHERE true
      ON CONFLICT DO NOTHING`,
  ]);
  const created = new Map(inserted.map((r) => [r.submissionId, Number(r.id)]));
  const others: Pending[] = [];
  for (const p of batch) {
    const id = created.get(p.row.submissionId);
    if (id !== undefined) {
      created.delete(p.row.submissionId); // the same form twice in one batch: the second is a replay
      p.resolve({ status: "created", id });
    } else others.push(p);
  }
  if (others.length === 0) return;
  const existing = await prisma.response.findMany({
    where: { submissionId: { in: others.map((p) => p.row.submissionId) } },
    select: { id: true, submissionId: true },
  });
  const ids = new Map(existing.map((r) => [r.submissionId, r.id]));
  for (const p of others) {
    const id = ids.get(p.row.submissionId);
    p.resolve(id !== undefined ? { status: "replayed", id } : { status: "duplicate" });
  }
}
