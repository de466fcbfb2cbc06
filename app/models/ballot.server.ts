// Household ballot codes (docs/decisions/012): batches per village made by the Front, printing
// until sealed, and checking a code. Only an HMAC of each code is stored; a batch's seed, from
// which its codes can be printed again, is erased when the batch is sealed.
import crypto from "node:crypto";
import { formatCode } from "~/lib/ballot-code";
import { codeHash, deriveCodes } from "~/utils/ballot-crypto.server";
import { env } from "~/utils/env.server";
import { prisma, type Tx } from "~/utils/db.server";
import { mayCheckCode, recordWrongCode } from "~/utils/rate-limit.server";
import { recordAudit } from "./audit.server";
import { registerVillage } from "./register.server";

export const serialOf = (roundId: number, communeId: number, batchNumber: number, i: number) =>
  `${roundId}-${communeId}-${String(batchNumber).padStart(2, "0")}-${String(i + 1).padStart(4, "0")}`;

export type GenerateResult =
  | { ok: true; batchId: number; count: number }
  | {
      ok: false;
      reason:
        | "notFound"
        | "closed"
        | "notApproved"
        | "notInRegister"
        | "overHouseholds"
        | "overVillage"
        | "villageTaken"
        | "demoSecret";
      available?: number;
    };

/**
 * Makes one village's batch, while the round (approved) is open: the village must be in the
 * household register (decision 036), `count` codes never more than its households there, and all
 * batches of the commune never more than the round's households for it. Audited.
 */
export async function generateBatch(input: {
  actorId: number | null;
  roundId: number;
  communeId: number;
  village: string;
  count: number;
  now?: Date;
  /** demo data only: a seed derived from the published demo key */
  seed?: string;
  isDemo?: boolean;
}): Promise<GenerateResult> {
  const now = input.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const link = await tx.roundCommune.findUnique({
      where: { roundId_communeId: { roundId: input.roundId, communeId: input.communeId } },
      select: { households: true, round: { select: { endsAt: true, isDemo: true, approvedAt: true } } },
    });
    if (!link) return { ok: false, reason: "notFound" } as const;
    if (link.round.endsAt <= now) return { ok: false, reason: "closed" } as const;
    if (!link.round.approvedAt) return { ok: false, reason: "notApproved" } as const;
    if (env.BALLOT_SECRET_IS_DEMO && !link.round.isDemo) return { ok: false, reason: "demoSecret" } as const;
    const households = await registerVillage(tx, { communeId: input.communeId, village: input.village });
    if (households === null) return { ok: false, reason: "notInRegister" } as const;
    if (input.count > households) return { ok: false, reason: "overVillage", available: households } as const;
    const existing = await tx.ballotBatch.aggregate({
      where: { roundId: input.roundId, communeId: input.communeId },
      _sum: { count: true },
      _max: { number: true },
    });
    const available = link.households - (existing._sum.count ?? 0);
    if (input.count > available) return { ok: false, reason: "overHouseholds", available } as const;
    const taken = await tx.ballotBatch.findUnique({
      where: { roundId_communeId_village: { roundId: input.roundId, communeId: input.communeId, village: input.village } },
      select: { id: true },
    });
    if (taken) return { ok: false, reason: "villageTaken" } as const;
    const number = (existing._max.number ?? 0) + 1;
    const seed = input.seed ?? crypto.randomBytes(32).toString("hex");
    const batch = await tx.ballotBatch.create({
      data: {
        roundId: input.roundId,
        communeId: input.communeId,
        village: input.village,
        number,
        households,
        count: input.count,
        seed,
        createdById: input.actorId,
        isDemo: input.isDemo ?? false,
      },
      select: { id: true },
    });
    await tx.ballotCode.createMany({
      data: deriveCodes(seed, input.count).map((code, i) => ({
        batchId: batch.id,
        roundId: input.roundId,
        communeId: input.communeId,
        serial: serialOf(input.roundId, input.communeId, number, i),
        codeHash: codeHash(code),
      })),
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "codes_generated",
      roundId: input.roundId,
      communeId: input.communeId,
      detail: { village: input.village, households, count: input.count, batch: number },
    });
    return { ok: true, batchId: batch.id, count: input.count } as const;
  });
}

export function getBatch({ id }: { id: number }) {
  return prisma.ballotBatch.findUnique({
    where: { id },
    select: {
      id: true,
      roundId: true,
      communeId: true,
      village: true,
      number: true,
      households: true,
      count: true,
      seed: true,
      sealedAt: true,
      round: { select: { id: true, name: true, endsAt: true } },
      commune: { select: { id: true, name: true, slug: true, kind: true } },
    },
  });
}

/** The slips of an unsealed batch (code and serial), for printing; audited. null once sealed. */
export async function printBatch({ id, actorId }: { id: number; actorId: number | null }) {
  const batch = await getBatch({ id });
  if (!batch?.seed) return null;
  const codes = deriveCodes(batch.seed, batch.count);
  await recordAudit(prisma, {
    actorId,
    action: "codes_printed",
    roundId: batch.roundId,
    communeId: batch.communeId,
    detail: { village: batch.village, count: batch.count, batch: batch.number },
  });
  return {
    batch,
    slips: codes.map((code, i) => ({
      code,
      display: formatCode(code),
      serial: serialOf(batch.roundId, batch.communeId, batch.number, i),
    })),
  };
}

/** Marks a batch handed out: its seed is erased, so no code of it can be printed or recovered again. */
export async function sealBatch({
  id,
  roundId,
  communeId,
  actorId,
  now = new Date(),
}: {
  id: number;
  /** the round and commune the caller was allowed to act on: a batch of another is not found */
  roundId: number;
  communeId: number;
  actorId: number | null;
  now?: Date;
}) {
  return prisma.$transaction(async (tx) => {
    // Sealed only while the round is open: codes handed out after the close would let paper be
    // added during the grace period that nobody planned for (decision 036).
    const open = await tx.surveyRound.count({ where: { id: roundId, endsAt: { gt: now } } });
    if (open === 0) {
      const exists = await tx.ballotBatch.count({ where: { id, roundId, communeId } });
      return { ok: false, reason: exists ? "closed" : "notFound" } as const;
    }
    const sealed = await tx.ballotBatch.updateMany({
      where: { id, roundId, communeId, sealedAt: null },
      data: { seed: null, sealedAt: now },
    });
    if (sealed.count === 0) {
      const exists = await tx.ballotBatch.count({ where: { id, roundId, communeId } });
      return { ok: false, reason: exists ? "alreadySealed" : "notFound" } as const;
    }
    const batch = await tx.ballotBatch.findUniqueOrThrow({
      where: { id },
      select: { roundId: true, communeId: true, village: true, count: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "batch_sealed",
      roundId: batch.roundId,
      communeId: batch.communeId,
      detail: { village: batch.village, count: batch.count },
    });
    return { ok: true } as const;
  });
}

export type CodeRefusal =
  "unknownCode" | "usedCode" | "notHandedOut" | "otherCommune" | "otherRound" | "closedRound" | "notStarted";

export type FoundCode = {
  id: number;
  roundId: number;
  communeId: number;
  round: { id: number; name: string; startsAt: Date; endsAt: Date; purpose: string };
  commune: { id: number; slug: string; name: string; kind: string };
};

/**
 * What a code is worth at `at`: the code with its round and commune, or why it cannot be used.
 * `communeId`/`roundId` are where it is being used (the commune page, the paper grid's round).
 */
export async function findUsableCode(
  db: Tx | typeof prisma,
  {
    code,
    at,
    communeId,
    roundId,
    graceMs = 0,
  }: { code: string; at: Date; communeId?: number; roundId?: number; graceMs?: number },
): Promise<{ ok: true; code: FoundCode } | { ok: false; reason: CodeRefusal; code?: FoundCode }> {
  const row = await db.ballotCode.findUnique({
    where: { codeHash: codeHash(code) },
    select: {
      id: true,
      roundId: true,
      communeId: true,
      usedOn: true,
      batch: { select: { sealedAt: true, commune: { select: { id: true, slug: true, name: true, kind: true } } } },
      round: { select: { id: true, name: true, startsAt: true, endsAt: true, purpose: true } },
    },
  });
  if (!row) return { ok: false, reason: "unknownCode" };
  const found: FoundCode = {
    id: row.id,
    roundId: row.roundId,
    communeId: row.communeId,
    round: row.round,
    commune: row.batch.commune,
  };
  if (communeId !== undefined && row.communeId !== communeId) return { ok: false, reason: "otherCommune", code: found };
  if (roundId !== undefined && row.roundId !== roundId) return { ok: false, reason: "otherRound", code: found };
  if (!row.batch.sealedAt) return { ok: false, reason: "notHandedOut", code: found };
  if (row.usedOn) return { ok: false, reason: "usedCode", code: found };
  if (at < row.round.startsAt) return { ok: false, reason: "notStarted", code: found };
  if (at.getTime() >= row.round.endsAt.getTime() + graceMs) return { ok: false, reason: "closedRound", code: found };
  return { ok: true, code: found };
}

/** Uses a code up: true for exactly one caller, however many race for it. */
export async function spendCode(db: Tx, { id, day }: { id: number; day: string }): Promise<boolean> {
  const r = await db.ballotCode.updateMany({ where: { id, usedOn: null }, data: { usedOn: day } });
  return r.count === 1;
}

/** Per commune and village of a round: households, codes made, codes used, sealed or not. */
export async function codeUseByVillage({ roundId, communeIds }: { roundId: number; communeIds?: number[] }) {
  const batches = await prisma.ballotBatch.findMany({
    where: { roundId, ...(communeIds ? { communeId: { in: communeIds } } : {}) },
    orderBy: [{ communeId: "asc" }, { number: "asc" }],
    select: { id: true, communeId: true, village: true, number: true, households: true, count: true, sealedAt: true },
  });
  const used = await prisma.ballotCode.groupBy({
    by: ["batchId"],
    where: { roundId, usedOn: { not: null } },
    _count: { _all: true },
  });
  return batches.map((b) => ({ ...b, used: used.find((u) => u.batchId === b.id)?._count._all ?? 0 }));
}

/** Used codes per round and commune (coverage = used codes / households). */
export async function usedCodeCounts({ roundIds, communeIds = null }: { roundIds: number[]; communeIds?: number[] | null }) {
  if (roundIds.length === 0) return [];
  const rows = await prisma.ballotCode.groupBy({
    by: ["roundId", "communeId"],
    where: { roundId: { in: roundIds }, usedOn: { not: null }, ...(communeIds ? { communeId: { in: communeIds } } : {}) },
    _count: { _all: true },
  });
  return rows.map((r) => ({ roundId: r.roundId, communeId: r.communeId, used: r._count._all }));
}

export type ResidentCodeRefusal = CodeRefusal | "rateLimited";

/**
 * A resident's code, checked before the form is shown. An address, or a commune whose page the
 * code was typed on, that has had too many wrong codes is not looked up at all; an unknown code
 * counts against both. Guesses are limited, real codes are not. A /b/ address (a scanned QR code)
 * counts against the address only: a shared bucket would let anyone block every household's scan.
 */
export async function checkResidentCode({
  code,
  ipHash,
  communeId,
  at = new Date(),
}: {
  code: string;
  ipHash: string;
  communeId?: number;
  at?: Date;
}): Promise<{ ok: true; code: FoundCode } | { ok: false; reason: ResidentCodeRefusal; code?: FoundCode }> {
  const key = communeKey(communeId);
  if (!(await mayCheckCode(ipHash, key))) return { ok: false, reason: "rateLimited" };
  const found = await findUsableCode(prisma, { code, at, communeId });
  if (!found.ok && found.reason === "unknownCode") await recordWrongCode(ipHash, key);
  return found;
}

// (Not "commune:<id>": tests/namespaces.test.ts would read that as a translation key.)
const communeKey = (communeId?: number) => (communeId ? `commune-${communeId}` : null);
