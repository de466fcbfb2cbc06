// Staff roles: a commune official answers for their communes; a council member reads every
// commune and changes nothing; an administrator manages accounts, recognitions and settings.
// The list itself lives in prisma/schema.prisma (enum Role): adding a role is one line there.
import { Role } from "~/generated/prisma/enums";

export { Role };
export const ROLES: readonly Role[] = Object.values(Role);
