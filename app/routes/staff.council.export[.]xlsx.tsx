// Excel workbook of the dashboard table (same filters and sort as the page): numbers are numbers,
// shares are fractions with a percent format, so Excel in any language reads and sums them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/guards/auth.server";
import { dashboardExport, exportFileName } from "~/services/dashboard-export.server";
import { getFixedT, getLanguage } from "~/utils/i18n.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "council.read");
  const lng = await getLanguage(request);
  const { header, shareColumns, rows } = await dashboardExport(new URL(request.url), lng);
  // exceljs (28 MiB) is loaded by the first export, not with the server.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(getFixedT(lng, "council")("dashboard.sheet"), {
    views: [{ state: "frozen", xSplit: 1, ySplit: 1 }],
  });
  sheet.addRow(header).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((c) => (c !== null && typeof c === "object" ? c.share : c)));
  sheet.columns.forEach((col, i) => {
    col.width = i === 0 ? 24 : 14;
    if (shareColumns.has(i)) col.numFmt = "0.0%";
  });
  const body = await workbook.xlsx.writeBuffer();
  return new Response(new Uint8Array(body as ArrayBuffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${exportFileName("xlsx")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
