// CSV of the dashboard table, with the same filters and sort as the page. UTF-8 with a byte
// order mark so that Excel shows Vietnamese correctly; shares as percent text in the reader's
// language ("84,9%"), which Excel in that language reads as a percentage (docs/decisions/024).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { formatPercent } from "~/lib/format";
import { requirePermission } from "~/guards/auth.server";
import { toCsv } from "~/utils/csv.server";
import { dashboardExport, exportFileName } from "~/services/dashboard-export.server";
import { getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "council.read");
  const lng = await getLanguage(request);
  const { header, rows } = await dashboardExport(new URL(request.url), lng);
  const text = rows.map((r) => r.map((c) => (c !== null && typeof c === "object" ? formatPercent(c.share, lng, 1) : c)));
  const csv = toCsv([header, ...text]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName("csv")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
