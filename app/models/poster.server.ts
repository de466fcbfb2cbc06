// Notice-board posters: what each commune's poster shows (name, phone, the survey round open now,
// its current notices).
import type { CommuneKind } from "~/generated/prisma/enums";
import { pickRound } from "~/lib/round";
import { prisma } from "~/utils/db.server";
import { currentNoticesByCommune, type CurrentNotice } from "./notice.server";

export type PosterCommune = {
  slug: string;
  name: string;
  kind: string;
  formerUnit: string;
  phone: string | null;
  round: { name: string; endsAt: Date } | null;
  /** the commune's current notices (water cut, storm…), printed at the top (decision 039) */
  notices: CurrentNotice[];
};

/**
 * Communes for posters, in the source order: one (slug), those of a former district (formerUnit),
 * of a kind (all the xã), or all; `communeIds` restricts to the communes the staff member may see (null = all).
 */
export async function listPosterCommunes({
  slug,
  formerUnit,
  kind,
  communeIds,
  at = new Date(),
}: {
  slug?: string | null;
  formerUnit?: string | null;
  kind?: CommuneKind | null;
  communeIds: number[] | null;
  at?: Date;
}): Promise<PosterCommune[]> {
  const communes = await prisma.commune.findMany({
    where: {
      ...(slug ? { slug } : {}),
      ...(formerUnit ? { formerUnit } : {}),
      ...(kind ? { kind } : {}),
      ...(communeIds ? { id: { in: communeIds } } : {}),
    },
    select: { id: true, slug: true, name: true, kind: true, formerUnit: true, phone: true },
    orderBy: { sortOrder: "asc" },
  });
  const open = await prisma.surveyRound.findMany({
    where: { startsAt: { lte: at }, endsAt: { gt: at } },
    select: { id: true, name: true, startsAt: true, endsAt: true, communes: { select: { communeId: true } } },
  });
  const notices = await currentNoticesByCommune({ communeIds: communes.map((c) => c.id), now: at });
  return communes.map(({ id, ...c }) => {
    const round = pickRound(
      open.filter((r) => r.communes.some((rc) => rc.communeId === id)),
      at,
    );
    return { ...c, round: round ? { name: round.name, endsAt: round.endsAt } : null, notices: notices.get(id) ?? [] };
  });
}

/** The former districts (for the choice of a batch), in the source order, with their commune counts. */
export async function listFormerUnits({ communeIds }: { communeIds: number[] | null }) {
  const rows = await prisma.commune.findMany({
    where: communeIds ? { id: { in: communeIds } } : {},
    select: { formerUnit: true, slug: true, name: true, kind: true },
    orderBy: { sortOrder: "asc" },
  });
  const units = new Map<string, { formerUnit: string; communes: { slug: string; name: string; kind: string }[] }>();
  for (const r of rows) {
    const u = units.get(r.formerUnit) ?? { formerUnit: r.formerUnit, communes: [] };
    u.communes.push({ slug: r.slug, name: r.name, kind: r.kind });
    units.set(r.formerUnit, u);
  }
  return { units: [...units.values()], total: rows.length };
}
