// Who may open a resident's contact on one report: an official who answers for its commune, or a
// member of the unit it is forwarded to (pending or accepted). Council, Front and administrator
// accounts never (the "contact.open" action of lib/policy). Anyone else who may not see the report gets 404.
import { getComplaintHead } from "~/models/complaint/staff.server";
import { unitHandles } from "~/models/privacy/contact-access.server";
import { requirePermission, requireRecordPermission } from "~/guards/auth.server";
import { idParam } from "~/utils/route-params.server";

export async function requireContactAccess(request: Request, params: { id?: string }, action: "contact.open") {
  const user = await requirePermission(request, action);
  const id = idParam(params.id);
  const complaint = id === null ? null : await getComplaintHead({ id });
  if (id === null || !complaint) throw new Response(null, { status: 404 });
  if (user.role === "unit") {
    if (!(await unitHandles({ complaintId: id, userId: user.id }))) throw new Response(null, { status: 404 });
  } else requireRecordPermission(user, action, complaint.communeId);
  return { user, id, complaint };
}
