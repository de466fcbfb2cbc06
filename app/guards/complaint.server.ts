// The guard of the staff pages about one report (/staff/complaints/:id/...): signed in, the report
// exists (404 also for a report of a commune the user may not read, so ids cannot be probed), and
// the user may do the action in its commune (app/lib/policy.ts).
import type { Action } from "~/lib/policy";
import { getComplaintHead } from "~/models/complaint/staff.server";
import { requireRecordPermission, requireUser } from "~/guards/auth.server";
import { idParam } from "~/utils/route-params.server";

export async function requireComplaint(request: Request, params: { id?: string }, action: Action) {
  const user = await requireUser(request);
  const id = idParam(params.id);
  // One read: the report's head columns include its commune.
  const complaint = id === null ? null : await getComplaintHead({ id });
  if (id === null || !complaint) throw new Response(null, { status: 404 });
  requireRecordPermission(user, action, complaint.communeId);
  return { user, id, complaint };
}
