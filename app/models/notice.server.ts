// Short notices on a commune's pages (water cut, storm, road closed; issue 24, decision 039):
// posted by an official for their commune or by an administrator, shown at the top of the commune
// page, the report form and the printed poster while current, ended early by hand. Audited.
import { NOTICE_TEXT_MAX, noticePeriod, type NoticeDatesError } from "~/lib/notice";
import { prisma } from "~/utils/db.server";
import { recordAudit } from "./audit.server";
import { listCommunes } from "./commune.server";

export type CurrentNotice = { id: number; text: string; startsAt: Date; endsAt: Date };

const currentWhere = (now: Date) => ({ removedAt: null, startsAt: { lte: now }, endsAt: { gt: now } });
const noticeSelect = { id: true, text: true, startsAt: true, endsAt: true } as const;

/** The notices a commune's public pages show now, newest first. */
export function currentNotices({ communeId, now = new Date() }: { communeId: number; now?: Date }): Promise<CurrentNotice[]> {
  return prisma.areaNotice.findMany({
    where: { communeId, ...currentWhere(now) },
    select: noticeSelect,
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: 5,
  });
}

/** The current notices of several communes (the posters), by commune id. */
export async function currentNoticesByCommune({ communeIds, now = new Date() }: { communeIds: number[]; now?: Date }) {
  const rows = await prisma.areaNotice.findMany({
    where: { communeId: { in: communeIds }, ...currentWhere(now) },
    select: { ...noticeSelect, communeId: true },
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
  });
  const out = new Map<number, CurrentNotice[]>();
  for (const { communeId, ...n } of rows) out.set(communeId, [...(out.get(communeId) ?? []), n]);
  return out;
}

/** The staff page: every notice of the communes the user acts on (null: all), current and coming first, then the last 50 past. */
export async function listNoticesForStaff({ communeIds, now = new Date() }: { communeIds: number[] | null; now?: Date }) {
  const inCommunes = communeIds ? { communeId: { in: communeIds } } : {};
  const select = { ...noticeSelect, communeId: true, removedAt: true } as const;
  const [open, past] = await Promise.all([
    prisma.areaNotice.findMany({
      where: { ...inCommunes, removedAt: null, endsAt: { gt: now } },
      select,
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    }),
    prisma.areaNotice.findMany({
      where: { ...inCommunes, OR: [{ removedAt: { not: null } }, { endsAt: { lte: now } }] },
      select,
      orderBy: [{ endsAt: "desc" }, { id: "desc" }],
      take: 50,
    }),
  ]);
  // AreaNotice has no relation to Commune: the names come from the communes' cached index.
  const names = new Map((await listCommunes()).map((c) => [c.id, c.name]));
  const named = <T extends { communeId: number }>(rows: T[]) =>
    rows.map((n) => ({ ...n, communeName: names.get(n.communeId) ?? "" }));
  return { open: named(open), past: named(past) };
}

/** The commune of a notice (the guard checks the user may act there), or null. */
export function getNoticeCommune({ id }: { id: number }) {
  return prisma.areaNotice.findUnique({ where: { id }, select: { communeId: true } });
}

export async function postNotice({
  communeId,
  text,
  startDay,
  endDay,
  actorId,
  now = new Date(),
}: {
  communeId: number;
  text: string;
  startDay: string;
  endDay: string;
  actorId: number;
  now?: Date;
}): Promise<
  { ok: true; id: number } | ({ ok: false } & (NoticeDatesError | { field: "text"; key: "notices.errors.textTooLong" }))
> {
  if (text.length > NOTICE_TEXT_MAX) return { ok: false, field: "text", key: "notices.errors.textTooLong" };
  const period = noticePeriod({ startDay, endDay }, now);
  if (!period.ok) return period;
  const id = await prisma.$transaction(async (tx) => {
    const notice = await tx.areaNotice.create({
      data: { communeId, text, startsAt: period.startsAt, endsAt: period.endsAt, createdById: actorId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: "notice_posted",
      communeId,
      detail: { noticeId: notice.id, text, startsAt: period.startsAt, endsAt: period.endsAt },
    });
    return notice.id;
  });
  return { ok: true, id };
}

/** Ends a notice now (it leaves the pages at once). A notice already ended or taken down: "ended". */
export async function endNotice({
  id,
  actorId,
  now = new Date(),
}: {
  id: number;
  actorId: number;
  now?: Date;
}): Promise<{ ok: true } | { ok: false; reason: "ended" }> {
  return prisma.$transaction(async (tx) => {
    const notice = await tx.areaNotice.findUnique({ where: { id }, select: { communeId: true } });
    const ended = await tx.areaNotice.updateMany({
      where: { id, removedAt: null, endsAt: { gt: now } },
      data: { removedAt: now },
    });
    if (!notice || ended.count !== 1) return { ok: false as const, reason: "ended" as const };
    await recordAudit(tx, { actorId, action: "notice_ended", communeId: notice.communeId, detail: { noticeId: id } });
    return { ok: true as const };
  });
}
