// The New Rural Development programme concerns rural units only: communes (xã) and special
// zones (đặc khu). Wards (phường) are urban: they are never recognised under it, rounds are not
// opened for them and district comparisons leave them out.
import type { CommuneKind } from "~/generated/prisma/enums";

export function isRural(kind: CommuneKind): boolean {
  return kind !== "phuong";
}
