// Demo units with their accounts (README, demo accounts), reply templates, one forwarded report
// and a few "me too" supporters. Demo only: removed with the rest of the demo data.
import { dueAtFor } from "~/lib/deadline-policy";
import { createUser } from "~/models/user.server";
import { addUnitMember, createUnit, forwardComplaint } from "~/models/forwarding.server";
import { createTemplate } from "~/models/complaint/reply-templates.server";
import { prisma } from "~/utils/db.server";
import { DEMO_PASSWORD } from "./staff";

export const DEMO_UNITS = [
  { slug: "nuoc-sach-hai-phong", name: "Công ty nước sạch Hải Phòng", kind: "water", account: "nuocsach@demo.ntm.local" },
  { slug: "moi-truong-do-thi", name: "Công ty Môi trường đô thị", kind: "environment", account: "moitruong@demo.ntm.local" },
  { slug: "so-xay-dung", name: "Sở Xây dựng Hải Phòng", kind: "department", account: null },
  { slug: "cong-an-xa-vinh-bao", name: "Công an xã Vĩnh Bảo", kind: "police", account: null },
] as const;

const TEMPLATES = [
  {
    category: null,
    title: "Tiếp nhận",
    body: "UBND {commune} đã tiếp nhận phản ánh {code} ngày {date} và sẽ trả lời trước {deadline}. Cảm ơn bà con đã phản ánh.",
  },
  {
    category: "water" as const,
    title: "Chuyển công ty nước",
    body: "Phản ánh {code} về nước sinh hoạt đã được chuyển Công ty nước sạch kiểm tra; xã sẽ theo dõi và báo lại kết quả.",
  },
];

export async function seedDemoTriage() {
  for (const u of DEMO_UNITS) {
    if (await prisma.unit.findUnique({ where: { slug: u.slug }, select: { id: true } })) continue;
    const unit = await createUnit({ slug: u.slug, name: u.name, kind: u.kind, isDemo: true });
    if (!unit.ok || !u.account) continue;
    await createUser({ email: u.account, name: `${u.name} (demo)`, role: "unit", password: DEMO_PASSWORD, isDemo: true });
    await addUnitMember({ unitId: unit.id, email: u.account });
  }
  if ((await prisma.replyTemplate.count()) === 0) for (const t of TEMPLATES) await createTemplate(t);

  // The demo walks statuses directly: give each demo report the deadline that applies to its status.
  const demo = await prisma.complaint.findMany({
    where: { isDemo: true },
    select: { id: true, status: true, acknowledgeBy: true, handleBy: true },
  });
  for (const c of demo) await prisma.complaint.update({ where: { id: c.id }, data: { dueAt: dueAtFor(c.status, c) } });

  // One open water report of Vĩnh Bảo forwarded to the water company; supporters on two reports.
  const official = await prisma.user.findUnique({ where: { email: "vinhbao@demo.ntm.local" }, select: { id: true } });
  const water = await prisma.unit.findUnique({ where: { slug: "nuoc-sach-hai-phong" }, select: { id: true } });
  const open = await prisma.complaint.findMany({
    where: { isDemo: true, commune: { slug: "vinh-bao" }, status: { in: ["new", "acknowledged", "in_progress"] } },
    select: { id: true, category: true },
    orderBy: { id: "asc" },
  });
  const toForward = open.find((c) => c.category === "water");
  if (official && water && toForward && (await prisma.forwarding.count({ where: { complaintId: toForward.id } })) === 0)
    await forwardComplaint({
      id: toForward.id,
      actorId: official.id,
      unitId: water.id,
      note: "Nhờ công ty kiểm tra chất lượng nước tại thôn (dữ liệu demo).",
    });
  for (const [i, c] of open.slice(0, 2).entries())
    await prisma.supporter.createMany({
      data: Array.from({ length: 3 + i * 4 }, (_, n) => ({ complaintId: c.id, voterHash: `demo-${c.id}-${n}` })),
    });
}

export async function removeDemoTriage() {
  await prisma.unit.deleteMany({ where: { isDemo: true } });
}
