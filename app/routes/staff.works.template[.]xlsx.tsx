// The works list template (issue 22): the import's header row and one example row, as .xlsx.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/guards/auth.server";
import { WORK_COLUMNS, WORK_HEADERS } from "~/lib/work-import";
import { writeTemplate } from "~/utils/spreadsheet.server";

const EXAMPLE: Record<string, string> = {
  commune: "vinh-bao",
  code: "GT-01",
  name: "Đường trục xã đoạn thôn 1 – thôn 3",
  category: "Giao thông",
  village: "Thôn 1",
  programme: "NTM kiểu mẫu 2024",
  grade: "III",
  totalInvestment: "38.500.000.000",
  fundCity: "27.000.000.000",
  fundCommune: "9.000.000.000",
  fundResidents: "2.000.000.000",
  fundBusinesses: "500.000.000",
  landDonatedM2: "1200",
  contractor: "Công ty CP Xây dựng Giao thông",
  supervisor: "Ban QLDA khu vực",
  approvedOn: "15/01/2024",
  startedOn: "01/03/2024",
  completedOn: "10/03/2025",
  handedOverOn: "15/03/2025",
  warrantyMonths: "12",
  disbursed: "21.000.000.000",
  disbursedOn: "30/04/2025",
  progress: "100",
  status: "Đã bàn giao",
  location: "20.6921, 106.4853",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "works.import");
  const body = await writeTemplate(
    "Cong trinh",
    WORK_COLUMNS.map((c) => WORK_HEADERS[c]),
    WORK_COLUMNS.map((c) => EXAMPLE[c] ?? ""),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="mau-danh-sach-cong-trinh.xlsx"',
      "Cache-Control": "private, no-store",
    },
  });
}
