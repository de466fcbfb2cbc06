// The loudspeaker script (plain text, UTF-8) of a round: ?kind=results (once the count is final)
// or ?kind=opening, for ?commune=<slug> or every commune of the round the staff member may see.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getRoundCommunes, getRoundResults } from "~/models/round-results.server";
import { joinScripts, openingScript, resultsScript } from "~/models/round-notice-view.server";
import { communesFor } from "~/lib/policy";
import { requireUser } from "~/guards/auth.server";
import { formatDate } from "~/lib/format";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { idParam } from "~/utils/route-params.server";

const text = (body: string, status = 200, name?: string) =>
  new Response(body, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "private, no-store",
      ...(name ? { "Content-Disposition": `inline; filename="${name}"` } : {}),
    },
  });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const roundId = idParam(params.id);
  if (roundId === null) throw new Response(null, { status: 404 });
  const url = new URL(request.url);
  const kind = url.searchParams.get("kind") ?? "results";
  const slug = url.searchParams.get("commune");
  const communeIds = communesFor(user, "commune.read");
  if (kind === "opening") {
    const round = await getRoundCommunes({ roundId, communeIds, slug });
    if (!round) throw new Response(null, { status: 404 });
    return text(joinScripts(round.communes.map((c) => openingScript(round, c.commune))), 200, `round-${roundId}-opening.txt`);
  }
  if (kind !== "results") throw new Response(null, { status: 400 });
  const results = await getRoundResults({ roundId, communeIds, slug });
  if (!results.ok && results.reason === "notFound") throw new Response(null, { status: 404 });
  if (!results.ok) {
    const t = getFixedT(await getLanguage(request), "reach");
    return text(t("notice.notFinal", { date: formatDate(results.finalAt, "vi") }), 409);
  }
  return text(joinScripts(results.communes.map((c) => resultsScript(results.round, c))), 200, `round-${roundId}-results.txt`);
}
