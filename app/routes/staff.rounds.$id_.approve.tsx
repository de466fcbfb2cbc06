// The second signature on a round (decision 036): an administrator approves, as proposed, a round
// the Front proposed (name, dates, communes, codes required). Until then it takes no answers and
// no code batches. The form is on the round's page; this route only acts.
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getRound } from "~/models/round.server";
import { approveRound } from "~/models/round-approval.server";
import { requirePermission } from "~/guards/auth.server";
import { formError } from "~/forms/form.server";
import { assertSameOrigin } from "~/utils/request.server";
import { requireRecord } from "~/utils/route-params.server";

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requirePermission(request, "round.approve");
  const round = await requireRecord(params.id, (id) => getRound({ id }));
  const approved = await approveRound({ roundId: round.id, approver: user });
  if (!approved.ok) return formError(`ballot:approval.errors.${approved.reason}`, {}, 400);
  return redirect(`/staff/rounds/${round.id}?approved=1`, { status: 303 });
}
