import { cached } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";

function queryActiveCriteria() {
  return prisma.criterion.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      key: true,
      nameVi: true,
      nameEn: true,
      descriptionVi: true,
      descriptionEn: true,
      isOverall: true,
    },
  });
}

export type CriterionRow = Awaited<ReturnType<typeof queryActiveCriteria>>[number];

/** The active criteria in order: read once per change of reference data. */
export async function listActiveCriteria(): Promise<CriterionRow[]> {
  return (await cached("criteria", ["reference"], queryActiveCriteria)).map((c) => ({ ...c }));
}
