// Who may do what in the checks of decision 036, in one place so that the permission table
// (app/lib/policy.ts, when it lands) can take them over: the Front proposes a round and an
// administrator approves it (a second person of another role); administrators import the
// household register; administrators and council members read the audit trail.
import type { Role } from "~/lib/roles";

export const ROUND_PROPOSERS = ["front"] as const satisfies readonly Role[];
export const ROUND_APPROVERS = ["admin"] as const satisfies readonly Role[];
export const REGISTER_IMPORTERS = ["admin"] as const satisfies readonly Role[];
export const AUDIT_READERS = ["admin", "council"] as const satisfies readonly Role[];
