// Staff roles: a commune official answers for their communes; the Fatherland Front (Mặt trận Tổ
// quốc) runs survey rounds, ballot codes and paper ballots for its communes; a council member reads
// every commune and changes nothing; an administrator manages accounts, recognitions and settings.
// A unit account (water company, environment company, department, commune police) sees only the
// reports forwarded to its unit (UnitMember), nothing else.
// The list itself lives in prisma/schema.prisma (enum Role): adding a role is one line there.
import { Role } from "~/generated/prisma/enums";

export { Role };
export const ROLES: readonly Role[] = Object.values(Role);

/** Shortest password an administrator may set for a staff account. */
export const PASSWORD_MIN = 12;

/** Roles whose access is limited to the communes assigned to the account. */
export function isCommuneScoped(role: Role): boolean {
  return role === Role.official || role === Role.front;
}

/**
 * The communes an account answers for, by role: an official or a Front account needs at least
 * one; every other role answers for none (whatever was ticked is dropped). The one home of this rule.
 */
export function communesForRole(
  role: Role,
  communeIds: readonly number[],
): { ok: true; communeIds: number[] } | { ok: false; reason: "communesRequired" } {
  if (!isCommuneScoped(role)) return { ok: true, communeIds: [] };
  if (communeIds.length === 0) return { ok: false, reason: "communesRequired" };
  return { ok: true, communeIds: [...new Set(communeIds)] };
}
