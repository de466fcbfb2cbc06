// Import of a works list from a spreadsheet (issue 22): every row checked (cells, commune, the
// user's communes, codes twice in the file), nothing written unless every row is valid, and a
// re-import updates the work with the same code in the same commune instead of adding one.
import { fold } from "~/lib/text";
import { mapHeaders, parseWorkRow, WORK_COLUMNS, type CellError, type ParsedWork, type WorkColumn } from "~/lib/work-import";
import { prisma, type Tx } from "~/utils/db.server";
import { recordAudit } from "../audit.server";

export type ImportInput = {
  rows: string[][];
  formulas: { row: number; col: number }[];
  /** communes the user may import for; null = every commune (administrators) */
  communeIds: number[] | null;
};

export type CheckedWork = ParsedWork & { communeId: number; communeName: string; exists: boolean };

export type ImportCheck =
  | { ok: true; works: CheckedWork[]; created: number; updated: number }
  | { ok: false; reason: "missingColumns"; missing: WorkColumn[] }
  | { ok: false; reason: "noRows" }
  | { ok: false; reason: "rows"; errors: CellError[] };

/** Checks a whole file; writes nothing. */
export async function checkWorkImport({ rows, formulas, communeIds }: ImportInput): Promise<ImportCheck> {
  const header = mapHeaders(rows[0] ?? []);
  if (!header.ok) return { ok: false, reason: "missingColumns", missing: header.missing };
  const { columns } = header;
  const data = rows
    .slice(1)
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ""));
  if (data.length === 0) return { ok: false, reason: "noRows" };

  const communes = await prisma.commune.findMany({ select: { id: true, slug: true, name: true } });
  const bySlug = new Map(communes.map((c) => [c.slug, c]));
  const byName = new Map<string, (typeof communes)[number] | null>();
  for (const c of communes) byName.set(fold(c.name), byName.has(fold(c.name)) ? null : c);

  const errors: CellError[] = formulas
    .filter((f) => f.row > 1 && columns[f.col])
    .map((f) => ({ row: f.row, column: columns[f.col]!, error: "formula" }));
  const formulaRows = new Set(errors.map((e) => e.row));
  const parsed: (ParsedWork & { communeId: number; communeName: string; row: number })[] = [];
  const seen = new Map<string, number>();
  for (const { cells, row } of data) {
    const byColumn: Partial<Record<WorkColumn, string>> = {};
    columns.forEach((c, i) => {
      if (c) byColumn[c] = cells[i] ?? "";
    });
    const result = parseWorkRow(byColumn, row);
    if (!result.ok) {
      errors.push(...result.errors);
      continue;
    }
    if (formulaRows.has(row)) continue;
    const w = result.work;
    const commune = bySlug.get(w.commune.toLowerCase()) ?? byName.get(fold(w.commune)) ?? null;
    if (!commune) {
      errors.push({ row, column: "commune", error: "unknownCommune", value: w.commune });
      continue;
    }
    if (communeIds && !communeIds.includes(commune.id)) {
      errors.push({ row, column: "commune", error: "notYourCommune", value: w.commune });
      continue;
    }
    const key = `${commune.id}|${w.code.toUpperCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, column: "code", error: "duplicateCode", value: String(first) });
      continue;
    }
    seen.set(key, row);
    parsed.push({ ...w, communeId: commune.id, communeName: commune.name, row });
  }
  if (errors.length > 0) {
    const order = (c: WorkColumn) => WORK_COLUMNS.indexOf(c);
    errors.sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
    return { ok: false, reason: "rows", errors };
  }
  const existing = await prisma.work.findMany({
    where: { communeId: { in: [...new Set(parsed.map((w) => w.communeId))] } },
    select: { communeId: true, code: true },
  });
  const known = new Set(existing.map((e) => `${e.communeId}|${e.code.toUpperCase()}`));
  const works = parsed.map(({ row: _row, ...w }) => ({ ...w, exists: known.has(`${w.communeId}|${w.code.toUpperCase()}`) }));
  const updated = works.filter((w) => w.exists).length;
  return { ok: true, works, created: works.length - updated, updated };
}

async function contractorUnitId(tx: Tx, name: string | null, cache: Map<string, number>, isDemo: boolean) {
  if (!name) return null;
  const key = fold(name);
  const hit = cache.get(key);
  if (hit) return hit;
  const found = await tx.unit.findFirst({ where: { kind: "contractor", name }, select: { id: true } });
  const id =
    found?.id ??
    (
      await tx.unit.create({
        data: {
          slug: `nha-thau-${key
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/^-|-$/g, "")
            .slice(0, 60)}-${Date.now().toString(36)}`,
          name,
          kind: "contractor",
          isDemo,
        },
        select: { id: true },
      })
    ).id;
  cache.set(key, id);
  return id;
}

/**
 * Checks the file again and writes it in one transaction: all rows or none. A work whose code
 * already exists in the commune is updated (codes compare without case).
 */
export async function importWorks(input: ImportInput & { actorId: number | null; isDemo?: boolean; now?: Date }) {
  const check = await checkWorkImport(input);
  if (!check.ok) return check;
  const now = input.now ?? new Date();
  const isDemo = input.isDemo ?? false;
  await prisma.$transaction(async (tx) => {
    const units = new Map<string, number>();
    for (const w of check.works) {
      const { commune: _c, communeName: _n, exists: _e, communeId, ...fields } = w;
      const data = {
        ...fields,
        totalInvestment: BigInt(fields.totalInvestment),
        fundCity: BigInt(fields.fundCity),
        fundCommune: BigInt(fields.fundCommune),
        fundResidents: BigInt(fields.fundResidents),
        fundBusinesses: BigInt(fields.fundBusinesses),
        disbursed: BigInt(fields.disbursed),
        contractorUnitId: await contractorUnitId(tx, fields.contractor, units, isDemo),
        updatedAt: now,
      };
      const current = await tx.work.findFirst({ where: { communeId, code: { equals: fields.code } }, select: { id: true } });
      const sameCode =
        current ??
        (await tx.work.findMany({ where: { communeId }, select: { id: true, code: true } })).find(
          (x) => x.code.toUpperCase() === fields.code.toUpperCase(),
        );
      if (sameCode) await tx.work.update({ where: { id: sameCode.id }, data });
      else await tx.work.create({ data: { ...data, communeId, isDemo, createdAt: now } });
    }
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "works_imported",
      detail: { created: check.created, updated: check.updated, communes: new Set(check.works.map((w) => w.communeId)).size },
    });
  });
  return { ok: true as const, created: check.created, updated: check.updated };
}
