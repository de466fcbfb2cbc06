// A round's answers as CSV, anonymised: no resident or address hashes, no ids; UTF-8 with BOM.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listActiveCriteria } from "~/models/criterion.server";
import { getRound, roundResponsesForExport, roundResultsVisible } from "~/models/round.server";
import { requirePermission } from "~/guards/auth.server";
import { toCsv } from "~/utils/csv.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";
import { localized } from "~/utils/i18n";
import { requireRecord } from "~/utils/route-params.server";
import { vnIsoDay } from "~/lib/vn-time";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "council.read");
  const round = await requireRecord(params.id, (id) => getRound({ id }));
  // The answers of a pre-recognition round are its results: not before it closes.
  if (!roundResultsVisible(round)) throw new Response(null, { status: 403 });
  const lng = await getLanguage(request);
  const t = getFixedT(lng, "council");
  const [criteria, responses] = await Promise.all([listActiveCriteria(), roundResponsesForExport({ roundId: round.id })]);
  const header = [
    t("csv.commune"),
    t("csv.date"),
    t("csv.channel"),
    ...criteria.map((c) => localized(c, "name", lng)),
    t("ballot:csv.verifiedFlag"),
    t("csv.village"),
    t("csv.comment"),
  ];
  const rows = responses.map((r) => [
    r.commune.name,
    vnIsoDay(r.createdAt), // the day in Vietnam, as everywhere on staff pages
    t(`rounds.${r.channel}`),
    ...criteria.map((c) => {
      const score = r.ratings.find((x) => x.criterion.key === c.key)?.score;
      return score === null || score === undefined ? "" : score;
    }),
    r.verified ? 1 : 0,
    r.village ?? "",
    r.comment ?? "",
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="round-${round.id}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
