// The household register (sổ hộ, decision 036): households per commune and village, imported by an
// administrator from the statistics office's figures. Each import is a new version (source and date
// kept) and an audit event with every commune's households before and after. Rounds take their
// households from it, batches their villages; nobody types a household count any more.
import { prisma, type Tx } from "~/utils/db.server";
import { recordChange } from "./audit.server";

export type RegisterRow = { commune: string; village: string; households: number; line: number };

export type ImportResult =
  | { ok: true; version: number; entries: number }
  | { ok: false; reason: "unknownCommune" | "duplicateVillage" | "empty"; line?: number };

type Db = Tx | typeof prisma;

/** The newest register version, or null before the first import. */
async function latest(db: Db) {
  return db.householdRegister.findFirst({ orderBy: { version: "desc" }, select: { id: true, version: true } });
}

/** Households per commune (sum of its villages) in the newest register. */
export async function registerHouseholds(db: Db, { communeIds }: { communeIds: number[] }): Promise<Map<number, number>> {
  const reg = await latest(db);
  const out = new Map<number, number>();
  if (!reg) return out;
  const rows = await db.registerEntry.groupBy({
    by: ["communeId"],
    where: { registerId: reg.id, communeId: { in: communeIds } },
    _sum: { households: true },
  });
  for (const r of rows) out.set(r.communeId, r._sum.households ?? 0);
  return out;
}

/** A village's households in the newest register, or null when the village is not in it. */
export async function registerVillage(db: Db, { communeId, village }: { communeId: number; village: string }) {
  const reg = await latest(db);
  if (!reg) return null;
  const row = await db.registerEntry.findUnique({
    where: { registerId_communeId_village: { registerId: reg.id, communeId, village: village.trim() } },
    select: { households: true },
  });
  return row?.households ?? null;
}

/** The newest register's villages of these communes (the batch form's choices). */
export async function registerVillages({ communeIds }: { communeIds: number[] }) {
  const reg = await latest(prisma);
  if (!reg) return [];
  return prisma.registerEntry.findMany({
    where: { registerId: reg.id, communeId: { in: communeIds } },
    orderBy: [{ communeId: "asc" }, { village: "asc" }],
    select: { communeId: true, village: true, households: true },
  });
}

/** The register page: every version (newest first) and the newest one's communes. */
export async function getRegisterOverview() {
  const versions = await prisma.householdRegister.findMany({
    orderBy: { version: "desc" },
    take: 20,
    select: {
      id: true,
      version: true,
      source: true,
      sourceDate: true,
      importedAt: true,
      importedById: true,
      _count: { select: { entries: true } },
    },
  });
  const current = versions[0];
  const communes = current
    ? await prisma.registerEntry.groupBy({
        by: ["communeId"],
        where: { registerId: current.id },
        _sum: { households: true },
        _count: { _all: true },
      })
    : [];
  const names = await prisma.commune.findMany({
    where: { id: { in: communes.map((c) => c.communeId) } },
    select: { id: true, name: true },
  });
  return {
    versions,
    communes: communes.map((c) => ({
      communeId: c.communeId,
      name: names.find((n) => n.id === c.communeId)?.name ?? "",
      households: c._sum.households ?? 0,
      villages: c._count._all,
    })),
  };
}

/**
 * Imports a register file: the communes it names get exactly its villages, the others keep the
 * previous version's. A new version, audited with each commune's households before and after.
 */
export async function importRegister(input: {
  actorId: number | null;
  source: string;
  sourceDate: Date;
  rows: RegisterRow[];
  isDemo?: boolean;
}): Promise<ImportResult> {
  if (input.rows.length === 0) return { ok: false, reason: "empty" };
  const communes = await prisma.commune.findMany({ select: { id: true, slug: true, name: true } });
  const byKey = new Map<string, number>();
  for (const c of communes) {
    byKey.set(c.slug.toLowerCase(), c.id);
    byKey.set(c.name.normalize("NFC").toLowerCase(), c.id);
  }
  const entries: { communeId: number; village: string; households: number }[] = [];
  const seen = new Set<string>();
  for (const r of input.rows) {
    const communeId = byKey.get(r.commune.normalize("NFC").trim().toLowerCase());
    if (!communeId) return { ok: false, reason: "unknownCommune", line: r.line };
    const village = r.village.normalize("NFC").trim();
    const key = `${communeId}\u0000${village}`;
    if (seen.has(key)) return { ok: false, reason: "duplicateVillage", line: r.line };
    seen.add(key);
    entries.push({ communeId, village, households: r.households });
  }
  const result = await prisma.$transaction(async (tx) => {
    const prev = await latest(tx);
    const previous = prev
      ? await tx.registerEntry.findMany({
          where: { registerId: prev.id },
          select: { communeId: true, village: true, households: true },
        })
      : [];
    const named = new Set(entries.map((e) => e.communeId));
    const kept = previous.filter((e) => !named.has(e.communeId));
    const version = (prev?.version ?? 0) + 1;
    const created = await tx.householdRegister.create({
      data: {
        version,
        source: input.source,
        sourceDate: input.sourceDate,
        importedById: input.actorId,
        isDemo: input.isDemo ?? false,
        entries: { create: [...kept, ...entries] },
      },
      select: { id: true },
    });
    const totals = (rows: typeof entries) => {
      const m: Record<string, number> = {};
      for (const e of rows) if (named.has(e.communeId)) m[e.communeId] = (m[e.communeId] ?? 0) + e.households;
      return m;
    };
    await recordChange(tx, {
      actorId: input.actorId,
      action: "register_imported",
      subject: `register v${version} (${input.source})`,
      before: { version: prev?.version ?? null, ...totals(previous) },
      after: { version, ...totals(entries) },
    });
    return { ok: true, version, entries: kept.length + entries.length, id: created.id } as const;
  });
  return { ok: true, version: result.version, entries: result.entries };
}
