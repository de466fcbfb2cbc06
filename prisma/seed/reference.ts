// Reference data every installation needs: the 114 communes, the rated criteria, the
// recognition levels with their thresholds, default settings. Idempotent: safe to run on
// every start-up; it never overwrites thresholds an administrator has changed.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { fold, uniqueSlugs } from "~/lib/text";
import { SETTING_KEYS } from "~/models/setting.server";
import { CommuneKind, Region } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";

const here = path.dirname(fileURLToPath(import.meta.url));
export const COMMUNES_FILE = path.join(here, "..", "data", "haiphong-communes.json");

const CommunesFileSchema = z.object({
  source: z.string(),
  units: z.array(
    z.object({
      name: z.string().min(1),
      kind: z.enum(CommuneKind),
      region: z.enum(Region),
      formerUnit: z.string().min(1),
    }),
  ),
});

export function readCommunesFile() {
  return CommunesFileSchema.parse(JSON.parse(fs.readFileSync(COMMUNES_FILE, "utf8")));
}

export const CRITERIA = [
  {
    key: "roads",
    nameVi: "Giao thông",
    nameEn: "Roads and transport",
    descriptionVi: "Đường trục xã, liên thôn, ngõ xóm: mặt đường, chiếu sáng, an toàn khi đi lại.",
    descriptionEn: "Commune, inter-village and lane roads: surface, lighting, safe travel.",
  },
  {
    key: "environment",
    nameVi: "Môi trường",
    nameEn: "Environment",
    descriptionVi: "Thu gom rác, vệ sinh đường làng, cây xanh, nước thải, mùi hôi và khói bụi.",
    descriptionEn: "Waste collection, clean lanes, green space, wastewater, smells and dust.",
  },
  {
    key: "water",
    nameVi: "Nước sinh hoạt",
    nameEn: "Domestic water",
    descriptionVi: "Nước sạch đến hộ gia đình: đủ nước, chất lượng nước, giá nước.",
    descriptionEn: "Clean water to households: enough water, its quality, its price.",
  },
  {
    key: "security",
    nameVi: "An ninh trật tự",
    nameEn: "Security and order",
    descriptionVi: "An toàn cho người và tài sản, trật tự nơi công cộng, xử lý vi phạm.",
    descriptionEn: "Safety of people and property, public order, how offences are handled.",
  },
  {
    key: "overall",
    nameVi: "Đánh giá chung",
    nameEn: "Overall",
    descriptionVi: "Nhìn chung, bạn hài lòng với kết quả xây dựng nông thôn mới ở xã, phường mình đến đâu?",
    descriptionEn: "Overall, how satisfied are you with New Rural Development where you live?",
    isOverall: true,
  },
] as const;

export const LEVELS = [
  {
    key: "2021-2025/ntm",
    period: "2021-2025",
    rank: 1,
    nameVi: "Xã đạt chuẩn nông thôn mới",
    nameEn: "New Rural Development commune",
  },
  {
    key: "2021-2025/nang-cao",
    period: "2021-2025",
    rank: 2,
    nameVi: "Xã nông thôn mới nâng cao",
    nameEn: "Advanced New Rural Development commune",
  },
  {
    key: "2021-2025/kieu-mau",
    period: "2021-2025",
    rank: 3,
    nameVi: "Xã nông thôn mới kiểu mẫu",
    nameEn: "Model New Rural Development commune",
  },
  {
    key: "2026-2030/ntm",
    period: "2026-2030",
    rank: 1,
    nameVi: "Xã nông thôn mới (2026-2030)",
    nameEn: "New Rural Development commune (2026-2030)",
  },
  {
    key: "2026-2030/hien-dai",
    period: "2026-2030",
    rank: 2,
    nameVi: "Xã nông thôn mới hiện đại",
    nameEn: "Modern New Rural Development commune",
  },
] as const;

export async function seedReferenceData() {
  const { units } = readCommunesFile();
  const slugs = uniqueSlugs(units.map((u) => u.name));
  await prisma.$transaction([
    ...units.map((u, i) =>
      prisma.commune.upsert({
        where: { slug: slugs[i] },
        create: {
          slug: slugs[i],
          name: u.name,
          kind: u.kind,
          region: u.region,
          formerUnit: u.formerUnit,
          searchKey: fold(u.name),
          sortOrder: i,
        },
        update: { name: u.name, kind: u.kind, region: u.region, formerUnit: u.formerUnit, searchKey: fold(u.name), sortOrder: i },
      }),
    ),
    ...CRITERIA.map((c, i) => {
      const data = { ...c, sortOrder: i, isOverall: "isOverall" in c ? c.isOverall : false };
      return prisma.criterion.upsert({ where: { key: c.key }, create: data, update: data });
    }),
    ...LEVELS.map((l) =>
      prisma.recognitionLevel.upsert({
        where: { key: l.key },
        create: { ...l, thresholdShare: 0.9, minSample: 30 },
        update: { period: l.period, rank: l.rank, nameVi: l.nameVi, nameEn: l.nameEn },
      }),
    ),
    ...[
      [SETTING_KEYS.defaultThresholdShare, "0.9"],
      [SETTING_KEYS.defaultMinSample, "30"],
    ].map(([key, value]) => prisma.setting.upsert({ where: { key }, create: { key, value }, update: {} })),
  ]);
  return { communes: units.length };
}
