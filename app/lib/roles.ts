// Staff roles: a commune official answers for their communes; a council member reads every
// commune and changes nothing; an administrator manages accounts, recognitions and settings.
// A unit account (water company, environment company, department, commune police) sees only the
// reports forwarded to its unit (UnitMember), nothing else.
export const ROLES = ["official", "council", "admin", "unit"] as const;
export type Role = (typeof ROLES)[number];
