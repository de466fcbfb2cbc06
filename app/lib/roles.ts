// Staff roles: a commune official answers for their communes; the Fatherland Front (Mặt trận Tổ
// quốc) runs survey rounds, ballot codes and paper ballots for its communes; a council member reads
// every commune and changes nothing; an administrator manages accounts, recognitions and settings.
export const ROLES = ["official", "front", "council", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose access is limited to the communes assigned to the account. */
export function isCommuneScoped(role: Role): boolean {
  return role === "official" || role === "front";
}
