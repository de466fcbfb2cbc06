// Staff roles: a commune official answers for their communes; a council member reads every
// commune and changes nothing; an administrator manages accounts, recognitions and settings.
export const ROLES = ["official", "council", "admin"] as const;
export type Role = (typeof ROLES)[number];
