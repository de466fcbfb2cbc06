// A round's two signatures (decision 036): the Front proposes it for its communes, with the
// households from the register, not before today and not overlapping another round of the same
// commune; a person of another role (an administrator) approves it before it takes answers.
import { roundsOverlap } from "~/lib/round";
import { vnIsoDay, vnStartOfDay } from "~/lib/vn-time";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { registerHouseholds } from "./register.server";
import type { NewRound } from "./round.server";

export type ProposeResult =
  | { ok: true; id: number }
  | { ok: false; field: "startsOn" | "communes"; reason: "startsBeforeToday" | "notInRegister" | "overlap" };

/**
 * The Front proposes a round for its communes (decision 036): the households come from the
 * register, it cannot start before today (Vietnam time) nor overlap another round of one of its
 * communes, and it takes no answers until an administrator approves it.
 */
export async function proposeRound(
  input: Omit<NewRound, "communes" | "isDemo"> & { communeIds: number[]; proposerId: number; now?: Date },
): Promise<ProposeResult> {
  const now = input.now ?? new Date();
  if (input.startsAt < vnStartOfDay(vnIsoDay(now))) return { ok: false, field: "startsOn", reason: "startsBeforeToday" };
  return prisma.$transaction(async (tx) => {
    const households = await registerHouseholds(tx, { communeIds: input.communeIds });
    if (input.communeIds.some((id) => !households.get(id)))
      return { ok: false, field: "communes", reason: "notInRegister" } as const;
    const others = await tx.surveyRound.findMany({
      where: { communes: { some: { communeId: { in: input.communeIds } } } },
      select: { startsAt: true, endsAt: true },
    });
    if (others.some((o) => roundsOverlap(o, input))) return { ok: false, field: "startsOn", reason: "overlap" } as const;
    const created = await tx.surveyRound.create({
      data: {
        name: input.name,
        purpose: input.purpose,
        levelId: input.levelId,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        codesRequired: input.codesRequired,
        createdById: input.proposerId,
        communes: { create: input.communeIds.map((communeId) => ({ communeId, households: households.get(communeId)! })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: input.proposerId,
      action: "round_created",
      roundId: created.id,
      detail: {
        name: input.name,
        purpose: input.purpose,
        startsOn: vnIsoDay(input.startsAt),
        endsOn: vnIsoDay(input.endsAt),
        codesRequired: input.codesRequired,
        communes: input.communeIds.length,
        households: [...households.values()].reduce((a, b) => a + b, 0),
      },
    });
    return { ok: true, id: created.id } as const;
  });
}

export type ApproveResult = { ok: true } | { ok: false; reason: "notFound" | "alreadyApproved" | "sameRole" | "started" };

/**
 * The second signature: a person of another role than the proposer's approves the round as
 * proposed (name, dates, communes, codes), before it starts. Audited with what was approved.
 */
export async function approveRound({
  roundId,
  approver,
  now = new Date(),
}: {
  roundId: number;
  approver: { id: number; role: string };
  now?: Date;
}): Promise<ApproveResult> {
  return prisma.$transaction(async (tx) => {
    const round = await tx.surveyRound.findUnique({
      where: { id: roundId },
      select: { approvedAt: true, createdById: true, startsAt: true, endsAt: true, name: true, codesRequired: true },
    });
    if (!round) return { ok: false, reason: "notFound" } as const;
    if (round.approvedAt) return { ok: false, reason: "alreadyApproved" } as const;
    const proposer = round.createdById
      ? await tx.user.findUnique({ where: { id: round.createdById }, select: { role: true } })
      : null;
    if (round.createdById === approver.id || proposer?.role === approver.role) return { ok: false, reason: "sameRole" } as const;
    if (round.endsAt <= now) return { ok: false, reason: "started" } as const;
    // The same row as read: an approval of a round changed meanwhile would not match.
    const done = await tx.surveyRound.updateMany({
      where: { id: roundId, approvedAt: null },
      data: { approvedAt: now, approvedById: approver.id },
    });
    if (done.count !== 1) return { ok: false, reason: "alreadyApproved" } as const;
    await recordAudit(tx, {
      actorId: approver.id,
      action: "round_approved",
      roundId,
      detail: {
        name: round.name,
        startsOn: vnIsoDay(round.startsAt),
        endsOn: vnIsoDay(round.endsAt),
        codesRequired: round.codesRequired,
      },
    });
    return { ok: true } as const;
  });
}
