// The public read model of a report: what anyone may see, and nothing more.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { timelineEventSelect } from "./select.server";
import { getWhereabouts } from "../forwarding.server";
import { countSupporters } from "./supporters.server";
import { getMergeTarget } from "./duplicates.server";

/**
 * The columns anyone may read. Never the tracking code (its holder may rate and reopen), the
 * contact, the address hash or internal notes; the text is the redacted one when there is one.
 */
const publicSelect = {
  id: true,
  category: true,
  text: true,
  publicText: true,
  village: true,
  status: true,
  createdAt: true,
  resolvedAt: true,
  handlingRating: true,
  commune: { select: { slug: true, name: true, kind: true } },
  photos: { where: { approved: true }, select: { id: true, width: true, height: true }, orderBy: { id: "asc" } },
  events: {
    where: { public: true },
    // actorId only to name the unit that acted (below); never returned
    select: { ...timelineEventSelect, actorId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.ComplaintSelect;

type PublicRow = Prisma.ComplaintGetPayload<{ select: typeof publicSelect }>;
type PublicRowEvent = PublicRow["events"][number];
/** A public event: `by` is the unit that acted (its staff's reply, acceptance, resolution), null for the commune or the resident. */
export type PublicEvent = Omit<PublicRowEvent, "actorId"> & { by: string | null };

/** What anyone may see of a complaint. Every public read returns this type and nothing more. */
export type PublicComplaint = Omit<PublicRow, "publicText" | "events"> & { events: PublicEvent[] };

/**
 * The unit each acting account works for: a water company's reply reads "Công ty nước sạch …",
 * not "UBND xã" (issue 23). Unit accounts are the only ones with UnitMember rows; one that
 * belongs to several units is named by the first, as getUserUnit does.
 */
async function unitsOfActors(rows: { events: { actorId: number | null }[] }[]): Promise<Map<number, string>> {
  const ids = [...new Set(rows.flatMap((r) => r.events.flatMap((e) => (e.actorId === null ? [] : [e.actorId]))))];
  if (ids.length === 0) return new Map();
  const members = await prisma.unitMember.findMany({
    where: { userId: { in: ids } },
    select: { userId: true, unit: { select: { name: true } } },
    orderBy: { unit: { name: "asc" } },
  });
  const byUser = new Map<number, string>();
  for (const m of members) if (!byUser.has(m.userId)) byUser.set(m.userId, m.unit.name);
  return byUser;
}

export function publicEvents(events: PublicRowEvent[], units: Map<number, string>): PublicEvent[] {
  return events.map(({ actorId, ...e }) => ({ ...e, by: actorId === null ? null : (units.get(actorId) ?? null) }));
}

function toPublic(row: PublicRow, units: Map<number, string>): PublicComplaint {
  const { text, publicText, events, ...rest } = row;
  return { ...rest, text: publicText ?? text, events: publicEvents(events, units) };
}

/** The tracking page: the public view, plus the code its holder typed in. */
export async function getPublicComplaint({ code }: { code: string }): Promise<(PublicComplaint & { code: string }) | null> {
  const row = await prisma.complaint.findUnique({ where: { code }, select: publicSelect });
  return row ? { ...toPublic(row, await unitsOfActors([row])), code } : null;
}

export async function listRecentPublicComplaints({
  communeId,
  take = 10,
}: {
  communeId: number;
  take?: number;
}): Promise<PublicComplaint[]> {
  const rows = await prisma.complaint.findMany({
    where: { communeId },
    select: publicSelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
  const units = await unitsOfActors(rows);
  return rows.map((r) => toPublic(r, units));
}

/** What the resident's tracking page adds: where the report is, its supporters, what it was merged into. */
export async function getPublicTriage({ complaintId }: { complaintId: number }) {
  const [whereabouts, supporters, mergedInto] = await Promise.all([
    getWhereabouts({ complaintId }),
    countSupporters({ complaintId }),
    getMergeTarget({ id: complaintId }),
  ]);
  return { whereabouts, supporters, mergedInto };
}

/**
 * For a merged duplicate's tracking page: the report it was merged into, as the public sees it
 * (its text, approved photos, replies and status changes, who acted), never its tracking code.
 */
export async function getPublicMergeTarget({ complaintId }: { complaintId: number }) {
  const c = await prisma.complaint.findUnique({ where: { id: complaintId }, select: { mergedIntoId: true } });
  if (!c?.mergedIntoId) return null;
  const row = await prisma.complaint.findUnique({ where: { id: c.mergedIntoId }, select: publicSelect });
  if (!row) return null;
  const { id: _id, handlingRating: _rating, ...kept } = toPublic(row, await unitsOfActors([row]));
  // The kept report's own rating belongs to its reporter; the duplicate's reporter rates on their page.
  return { ...kept, events: kept.events.filter((e) => e.kind !== "rated" && e.kind !== "reopened") };
}

/**
 * How the report's own reporter hears of a change (the tracking page says it): the channels of
 * their subscription that still runs, e-mail and, where an SMS gateway is set up, SMS; none when
 * they left no contact (or no consent) or stopped the messages. Never the address itself.
 */
export async function newsChannels({ complaintId }: { complaintId: number }): Promise<("email" | "sms")[]> {
  const s = await prisma.subscription.findFirst({
    where: { complaintId, role: "filer", stoppedAt: null },
    select: { email: true, phone: true },
  });
  if (!s) return [];
  return [...(s.email ? (["email"] as const) : []), ...(s.phone && env.SMS_GATEWAY !== "off" ? (["sms"] as const) : [])];
}
