import { prisma } from "~/utils/db.server";

const communeSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  region: true,
  formerUnit: true,
} as const;

export function listCommunes() {
  return prisma.commune.findMany({
    select: { ...communeSelect, searchKey: true },
    orderBy: { sortOrder: "asc" },
  });
}

export function getCommuneBySlug({ slug }: { slug: string }) {
  return prisma.commune.findUnique({ where: { slug }, select: { ...communeSelect, searchKey: true } });
}

/** Other communes whose name differs only by diacritics ("Cẩm Giàng" / "Cẩm Giang"). */
export function listNamesakes({ id, searchKey }: { id: number; searchKey: string }) {
  return prisma.commune.findMany({
    where: { searchKey, NOT: { id } },
    select: { slug: true, name: true, formerUnit: true },
  });
}
