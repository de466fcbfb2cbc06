import { prisma } from "~/utils/db.server";

export function listActiveCriteria() {
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

export type CriterionRow = Awaited<ReturnType<typeof listActiveCriteria>>[number];
