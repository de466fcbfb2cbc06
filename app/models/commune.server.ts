import type { CommuneKind, Region } from "~/generated/prisma/enums";
import { cached } from "~/utils/cache.server";
import { prisma } from "~/utils/db.server";

const communeSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  region: true,
  formerUnit: true,
} as const;

/** What every page says about a commune: its name, kind, region and former district. */
export type CommuneFacts = {
  id: number;
  slug: string;
  name: string;
  kind: CommuneKind;
  region: Region;
  formerUnit: string;
};

export type CommuneRow = CommuneFacts & { searchKey: string };

/** The facts a commune's pages send to the browser (no ids). */
export function communeHeading({ slug, name, kind, region, formerUnit }: CommuneFacts) {
  return { slug, name, kind, region, formerUnit };
}

/** The 114 units, read once per change of reference data (every page and answer needs them). */
function communeIndex() {
  return cached("communes", ["reference"], async () => {
    const list: readonly CommuneRow[] = await prisma.commune.findMany({
      select: { ...communeSelect, searchKey: true },
      orderBy: { sortOrder: "asc" },
    });
    return { list, bySlug: new Map(list.map((c) => [c.slug, c])) };
  });
}

export async function listCommunes(): Promise<CommuneRow[]> {
  return [...(await communeIndex()).list];
}

export async function getCommuneBySlug({ slug }: { slug: string }): Promise<CommuneRow | null> {
  const c = (await communeIndex()).bySlug.get(slug);
  return c ? { ...c } : null;
}

/** Other communes whose name differs only by diacritics ("Cẩm Giàng" / "Cẩm Giang"). */
export async function listNamesakes({ id, searchKey }: { id: number; searchKey: string }) {
  return (await communeIndex()).list
    .filter((c) => c.searchKey === searchKey && c.id !== id)
    .map((c) => ({ slug: c.slug, name: c.name, formerUnit: c.formerUnit }));
}
