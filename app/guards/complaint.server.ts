// The guard of the staff pages about one report (/staff/complaints/:id/...): signed in, the report
// exists (404 also for another commune's report), and the user may read it (or, for "write",
// answer for its commune).
import { getComplaintCommuneId, getComplaintHead } from "~/models/complaint/staff.server";
import { requireRecordAccess, requireUser } from "~/guards/auth.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { idParam } from "~/utils/route-params.server";

export async function requireComplaintAccess(request: Request, params: { id?: string }, mode: "read" | "write") {
  const user = await requireUser(request);
  const id = idParam(params.id);
  const communeId = id === null ? null : await getComplaintCommuneId({ id });
  if (id === null || communeId === null) throw new Response(null, { status: 404 });
  requireRecordAccess(user, communeId, mode);
  return { user, id, communeId };
}

/**
 * The frame of the pages that act on one report (forward, urgency, merge): the write guard, the
 * report (404 when gone) and the page title in the triage namespace.
 */
export async function loadComplaintForAction(request: Request, params: { id?: string }, titleKey: string) {
  // The same guard as requireComplaintAccess, with one read: the report's columns include its commune.
  const user = await requireUser(request);
  const id = idParam(params.id);
  const complaint = id === null ? null : await getComplaintHead({ id });
  if (id === null || !complaint) throw new Response(null, { status: 404 });
  requireRecordAccess(user, complaint.communeId, "write");
  const t = getFixedT(await getLanguage(request), "triage");
  return { user, id, complaint, title: t(titleKey, { code: complaint.code }) };
}
