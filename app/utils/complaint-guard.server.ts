// The guard of the staff pages about one report (/staff/complaints/:id/...): signed in, the report
// exists (404 also for another commune's report), and the user may read it (or, for "write",
// answer for its commune).
import { getComplaintCommuneId } from "~/models/complaint.server";
import { requireRecordAccess, requireUser } from "./auth.server";

export async function requireComplaintAccess(request: Request, params: { id?: string }, mode: "read" | "write") {
  const user = await requireUser(request);
  const id = Number(params.id);
  const communeId = Number.isSafeInteger(id) && id > 0 ? await getComplaintCommuneId({ id }) : null;
  if (communeId === null) throw new Response(null, { status: 404 });
  requireRecordAccess(user, communeId, mode);
  return { user, id, communeId };
}
