// Demo works (issue 22) in the proportions of the second seed document: model-NTM works in 13
// communes, about 115 billion VND each (1,495 billion in all), about a quarter disbursed (25.8%
// by April 2024), some handed over with their warranty running, one road degraded with reports,
// and one inspection of the supervision board per verdict. Written through the import (the same
// rule as an official's spreadsheet). Demo only: removed with the rest of the demo data.
import { WORK_COLUMNS, WORK_HEADERS, type WorkColumn } from "~/lib/work-import";
import { addMonthsToDay } from "~/lib/works";
import { vnIsoDay } from "~/lib/vn-time";
import { createComplaint } from "~/models/complaint/filing.server";
import { addUnitMember } from "~/models/forwarding.server";
import { createUser } from "~/models/user.server";
import { importWorks } from "~/models/work/import.server";
import { recordInspection } from "~/models/work/inspection.server";
import { findWorkForReport, linkComplaintToWork } from "~/models/work/link.server";
import { prisma } from "~/utils/db.server";
import { DEMO_PASSWORD } from "./staff";

export const DEMO_CONTRACTOR = {
  name: "Công ty CP Xây dựng Giao thông Vĩnh Bảo",
  account: "nhathau@demo.ntm.local",
};

/** [code, criterion, name, share of the commune's 115 billion] */
const TEMPLATE: [string, string, string, number][] = [
  ["GT-01", "Giao thông", "Đường trục xã", 0.335],
  ["GT-02", "Giao thông", "Đường liên thôn", 0.17],
  ["NS-01", "Nước sinh hoạt", "Tuyến ống nước sạch liên thôn", 0.16],
  ["MT-01", "Môi trường", "Điểm tập kết rác và cây xanh", 0.1],
  ["AN-01", "An ninh", "Đèn chiếu sáng và camera an ninh", 0.055],
  ["KH-01", "Khác", "Nhà văn hóa xã", 0.18],
];

const PER_COMMUNE = 115_000_000_000;
const dmy = (isoDay: string) => isoDay.split("-").reverse().join("/");

export async function seedDemoWorks({ now = new Date() } = {}) {
  const wanted = ["vinh-bao", "tien-lang", "cam-giang"];
  const modelCommunes = await prisma.recognition.findMany({
    where: { isDemo: true, revokedOn: null, level: { key: { endsWith: "kieu-mau" } } },
    select: { commune: { select: { slug: true } } },
    orderBy: { communeId: "asc" },
  });
  const slugs = [...new Set([...wanted, ...modelCommunes.map((r) => r.commune.slug)])].slice(0, 13);
  const today = vnIsoDay(now);
  const rows: string[][] = [WORK_COLUMNS.map((c) => WORK_HEADERS[c])];
  slugs.forEach((slug, ci) => {
    TEMPLATE.forEach(([code, criterion, name, share], wi) => {
      const wobble = 1 + (((ci * 7 + wi * 3) % 9) - 4) / 100;
      const total = Math.round((PER_COMMUNE * share * wobble) / 1_000_000) * 1_000_000;
      // Roads GT-02 and the cultural house are handed over (56% paid until the final account is
      // settled); the rest are being built: about 26% of the whole disbursed, as in the seed.
      const handed = code === "GT-02" || code === "KH-01";
      // One commune's cultural house was handed over long ago: its warranty has run out.
      const expired = handed && code === "KH-01" && ci === 1;
      const monthsAgo = expired ? 30 : handed ? 3 + ((ci + wi) % 8) : 0;
      const handedDay = addMonthsToDay(today, -monthsAgo);
      const cells: Partial<Record<WorkColumn, string>> = {
        commune: slug,
        code,
        name: `${name} (demo)`,
        category: criterion,
        village: wi % 2 === 0 ? "Thôn 1" : "Thôn 2",
        programme: "NTM kiểu mẫu 2024",
        totalInvestment: String(total),
        fundCity: String(Math.round(total * 0.7)),
        fundCommune: String(Math.round(total * 0.2)),
        fundResidents: String(Math.round(total * 0.07)),
        fundBusinesses: String(Math.round(total * 0.03)),
        landDonatedM2: code.startsWith("GT") ? String(1200 + ci * 150) : "0",
        contractor:
          code.startsWith("GT") && slug === "vinh-bao" ? DEMO_CONTRACTOR.name : `Công ty TNHH Xây dựng số ${(ci % 4) + 1}`,
        supervisor: "Ban Quản lý dự án đầu tư xây dựng khu vực",
        approvedOn: dmy(addMonthsToDay(today, -(monthsAgo + 14))),
        startedOn: dmy(addMonthsToDay(today, -(monthsAgo + 10))),
        completedOn: handed ? dmy(addMonthsToDay(handedDay, 0)) : "",
        handedOverOn: handed ? dmy(handedDay) : "",
        warrantyMonths: code === "GT-02" ? "24" : "12",
        disbursed: String(Math.round((total * (handed ? 0.56 : 0.08 + ((ci + wi) % 4) / 100)) / 1000) * 1000),
        disbursedOn: dmy(addMonthsToDay(today, -1)),
        progress: handed ? "100" : String(25 + ((ci * 11 + wi * 13) % 50)),
        status: handed ? "Đã bàn giao" : "Đang thi công",
        location: "",
      };
      rows.push(WORK_COLUMNS.map((c) => cells[c] ?? ""));
    });
  });
  const communes = await prisma.commune.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  // Roads drawn as a line in Vĩnh Bảo (near the commune's demo reports), points elsewhere.
  const result = await importWorks({ rows, formulas: [], communeIds: null, actorId: null, isDemo: true, now });
  if (!result.ok) throw new Error(`demo works: ${JSON.stringify(result).slice(0, 500)}`);
  const vinhBao = communes.find((c) => c.slug === "vinh-bao")!;
  await prisma.work.updateMany({
    where: { communeId: vinhBao.id, code: "GT-02" },
    data: {
      geometry: JSON.stringify({
        type: "LineString",
        coordinates: [
          [106.48, 20.69],
          [106.485, 20.692],
          [106.49, 20.695],
        ],
      }),
      latitude: 20.692,
      longitude: 106.485,
    },
  });
  await prisma.communeHouseholds.createMany({
    data: communes.map((c, i) => ({ communeId: c.id, households: 3600 + ((i * 577) % 2400), year: 2024, isDemo: true })),
  });

  // The contractor's account (a unit, like the water company).
  const unit = await prisma.unit.findFirst({ where: { kind: "contractor", name: DEMO_CONTRACTOR.name }, select: { id: true } });
  if (unit && !(await prisma.user.findUnique({ where: { email: DEMO_CONTRACTOR.account }, select: { id: true } }))) {
    await createUser({
      email: DEMO_CONTRACTOR.account,
      name: `${DEMO_CONTRACTOR.name} (demo)`,
      role: "unit",
      password: DEMO_PASSWORD,
      isDemo: true,
    });
    await addUnitMember({ unitId: unit.id, email: DEMO_CONTRACTOR.account });
  }

  // The supervision board: one inspection per verdict. The degraded road (under warranty) becomes
  // a report in the inbox; residents reported the same road twice.
  const board = "Ban giám sát đầu tư của cộng đồng xã (demo)";
  const inspectedOn = new Date(now.getTime() - 5 * 86_400_000);
  await recordInspection({
    communeId: vinhBao.id,
    code: "KH-01",
    actorId: null,
    inspectedOn,
    inspectors: board,
    findings: "Công trình sử dụng tốt, tường và mái không thấm.",
    verdict: "good",
    now,
    isDemo: true,
  });
  await recordInspection({
    communeId: vinhBao.id,
    code: "NS-01",
    actorId: null,
    inspectedOn,
    inspectors: board,
    findings: "Hai hố van chưa có nắp, cần bổ sung.",
    verdict: "needs_repair",
    now,
    isDemo: true,
  });
  await recordInspection({
    communeId: vinhBao.id,
    code: "GT-02",
    actorId: null,
    inspectedOn,
    inspectors: board,
    findings: "Mặt đường bong tróc, nứt dọc khoảng 40 m sau mùa mưa.",
    verdict: "degraded",
    now,
    isDemo: true,
  });
  const road = await findWorkForReport({ communeId: vinhBao.id, code: "GT-02" });
  for (const text of [
    "Đường liên thôn mới làm đã bong tróc, nhiều ổ gà đoạn gần nhà văn hóa thôn 2.",
    "Mặt đường nứt dài, xe máy đi rất nguy hiểm buổi tối.",
  ]) {
    const c = await createComplaint({
      communeId: vinhBao.id,
      category: "roads",
      text,
      village: "Thôn 2",
      latitude: 20.692,
      longitude: 106.485,
      isDemo: true,
      createdAt: new Date(now.getTime() - 3 * 86_400_000),
    });
    if (road) await linkComplaintToWork({ complaintId: c.id, workId: road.id });
  }
  return { works: rows.length - 1, communes: slugs.length };
}

export async function removeDemoWorks() {
  await prisma.work.deleteMany({ where: { isDemo: true } });
  await prisma.communeHouseholds.deleteMany({ where: { isDemo: true } });
}
