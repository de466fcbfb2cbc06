// Read models of works (công trình, issue 22): what the public pages and the report form show.
// Amounts are BigInt in the database and plain numbers here (exact below 9 million billion VND).
// Public shapes carry no contact and no tracking code; the contractor's name is public (it is on
// the site board of every work), its unit id is not.
import type { Prisma } from "~/generated/prisma/client";
import {
  geometryPoint,
  warrantyState,
  type InspectionVerdict,
  type WarrantyState,
  type WorkCategory,
  type WorkStatus,
} from "~/lib/works";
import { cachedByKey } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";
import { parseInspectionPhotos } from "./inspection.server";

export const workSelect = {
  id: true,
  code: true,
  village: true,
  category: true,
  name: true,
  programme: true,
  totalInvestment: true,
  fundCity: true,
  fundCommune: true,
  fundResidents: true,
  fundBusinesses: true,
  landDonatedM2: true,
  contractor: true,
  supervisor: true,
  approvedOn: true,
  startedOn: true,
  completedOn: true,
  handedOverOn: true,
  warrantyMonths: true,
  disbursed: true,
  disbursedOn: true,
  progress: true,
  status: true,
  geometry: true,
  latitude: true,
  longitude: true,
} satisfies Prisma.WorkSelect;

type WorkRow = Prisma.WorkGetPayload<{ select: typeof workSelect }>;

export type PublicWork = Omit<
  WorkRow,
  "totalInvestment" | "fundCity" | "fundCommune" | "fundResidents" | "fundBusinesses" | "disbursed" | "geometry"
> & {
  totalInvestment: number;
  fundCity: number;
  fundCommune: number;
  fundResidents: number;
  fundBusinesses: number;
  disbursed: number;
  geometry: WorkGeometry | null;
  warranty: WarrantyState;
  /** the board's latest verdict, if it inspected the work */
  lastVerdict: InspectionVerdict | null;
};

export type WorkGeometry =
  { type: "Point"; coordinates: [number, number] } | { type: "LineString"; coordinates: [number, number][] };

/** The stored GeoJSON (checked on import), or null when it is not a point or a line. */
function parseGeometry(text: string | null): WorkGeometry | null {
  if (!text) return null;
  try {
    const g = JSON.parse(text) as WorkGeometry;
    return geometryPoint(g) ? g : null;
  } catch {
    return null;
  }
}

export function toPublicWork(row: WorkRow, now: Date, lastVerdict: InspectionVerdict | null = null): PublicWork {
  return {
    ...row,
    totalInvestment: Number(row.totalInvestment),
    fundCity: Number(row.fundCity),
    fundCommune: Number(row.fundCommune),
    fundResidents: Number(row.fundResidents),
    fundBusinesses: Number(row.fundBusinesses),
    disbursed: Number(row.disbursed),
    geometry: parseGeometry(row.geometry),
    warranty: warrantyState(row, now),
    lastVerdict,
  };
}

async function lastVerdicts(workIds: number[]): Promise<Map<number, InspectionVerdict>> {
  const rows = await prisma.workInspection.findMany({
    where: { workId: { in: workIds } },
    select: { workId: true, verdict: true },
    orderBy: [{ inspectedOn: "asc" }, { id: "asc" }],
  });
  return new Map(rows.map((r) => [r.workId, r.verdict]));
}

/** A commune's works, by criterion then code, with warranty and the board's latest verdict. */
export async function listCommuneWorks({ communeId, now = new Date() }: { communeId: number; now?: Date }) {
  const rows = await prisma.work.findMany({
    where: { communeId },
    select: workSelect,
    orderBy: [{ category: "asc" }, { code: "asc" }],
  });
  const verdicts = await lastVerdicts(rows.map((r) => r.id));
  return rows.map((r) => toPublicWork(r, now, verdicts.get(r.id) ?? null));
}

export type WorkSummary = {
  category: WorkCategory;
  works: number;
  totalInvestment: number;
  disbursed: number;
  underWarranty: number;
  degraded: number;
};

/**
 * The commune page's compact summary: one line per criterion (count, money, works under warranty,
 * works the board found degraded). Kept in memory per commune until any work changes, and per day
 * (warranties end at midnight in Vietnam).
 */
export async function getCommuneWorkSummary({ communeId, now = new Date() }: { communeId: number; now?: Date }) {
  const day = Math.floor((now.getTime() + 7 * 3_600_000) / 86_400_000);
  return cachedByKey(`workSummary:${day}`, ["works"], String(communeId), async (): Promise<WorkSummary[]> => {
    const works = await listCommuneWorks({ communeId, now });
    const by = new Map<WorkCategory, WorkSummary>();
    for (const w of works) {
      const s = by.get(w.category) ?? {
        category: w.category,
        works: 0,
        totalInvestment: 0,
        disbursed: 0,
        underWarranty: 0,
        degraded: 0,
      };
      s.works += 1;
      s.totalInvestment += w.totalInvestment;
      s.disbursed += w.disbursed;
      if (w.warranty.state === "running") s.underWarranty += 1;
      if (w.lastVerdict === "degraded") s.degraded += 1;
      by.set(w.category, s);
    }
    return [...by.values()];
  });
}

export type PublicWorkReport = {
  id: number;
  text: string;
  status: string;
  createdAt: Date;
  handlingRating: number | null;
};

export type WorkHistoryEntry = {
  kind: "forwarded" | "accepted" | "returned" | "done" | "withdrawn";
  at: Date;
  unit: string;
};

/** One work's page: the work, the board's inspections, the linked reports and the forwardings. */
export async function getPublicWork({ communeId, code, now = new Date() }: { communeId: number; code: string; now?: Date }) {
  const row = await prisma.work.findUnique({
    where: { communeId_code: { communeId, code } },
    select: {
      ...workSelect,
      inspections: {
        select: { id: true, inspectedOn: true, inspectors: true, findings: true, verdict: true, photos: true },
        orderBy: [{ inspectedOn: "desc" }, { id: "desc" }],
      },
      complaints: {
        select: {
          complaint: {
            select: {
              id: true,
              text: true,
              publicText: true,
              status: true,
              createdAt: true,
              handlingRating: true,
              mergedIntoId: true,
              forwardings: {
                select: { status: true, createdAt: true, respondedAt: true, unit: { select: { name: true } } },
                orderBy: { createdAt: "asc" },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const { inspections: inspectionRows, complaints, ...work } = row;
  // Photos go out by place (the file names stay on the server): /inspection-photos/:id/:n.
  const inspections = inspectionRows.map(({ photos, ...i }) => ({
    ...i,
    photos: parseInspectionPhotos(photos).map(({ width, height }, n) => ({ n, width, height })),
  }));
  const reports: PublicWorkReport[] = complaints
    .map(({ complaint: c }) => ({
      id: c.id,
      text: c.publicText ?? c.text,
      status: c.status,
      createdAt: c.createdAt,
      handlingRating: c.handlingRating,
    }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const history: WorkHistoryEntry[] = complaints
    .flatMap(({ complaint: c }) =>
      c.forwardings.flatMap((f) => {
        const out: WorkHistoryEntry[] = [{ kind: "forwarded", at: f.createdAt, unit: f.unit.name }];
        if (f.respondedAt && f.status !== "pending") out.push({ kind: f.status, at: f.respondedAt, unit: f.unit.name });
        return out;
      }),
    )
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const ratings = reports.flatMap((r) => (r.handlingRating ? [r.handlingRating] : []));
  return {
    work: toPublicWork(work, now, inspections[0]?.verdict ?? null),
    inspections,
    reports,
    history,
    rating: ratings.length ? { average: ratings.reduce((a, b) => a + b, 0) / ratings.length, count: ratings.length } : null,
  };
}

/** What the report form offers under "this is about a work": the commune's works, by village. */
export async function listWorkChoices({ communeId }: { communeId: number }) {
  return prisma.work.findMany({
    where: { communeId, status: { in: ["in_progress", "completed", "handed_over"] } },
    select: { code: true, name: true, village: true, category: true, latitude: true, longitude: true },
    orderBy: [{ village: "asc" }, { name: "asc" }],
  });
}

export type WorkChoice = Awaited<ReturnType<typeof listWorkChoices>>[number];
export type { WorkStatus };
