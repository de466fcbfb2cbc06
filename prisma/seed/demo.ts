// Demo data, always marked isDemo and announced on every page. Recognition levels follow the
// seed document's proportions (former Hải Phòng: every xã advanced, ~58% model; former Hải
// Dương: ~50% advanced, ~21% model); the status of each merged xã is not published, so the
// assignment to individual communes is random. Answers spread over the last 23 months.
import type { Category, Status } from "~/lib/complaint-workflow";
import { periodOf } from "~/lib/vn-time";
import { createComplaint } from "~/models/complaint/filing.server";
import { insertResponsesBulk, type NewResponse } from "~/models/survey.server";
import { SETTING_KEYS } from "~/models/setting.server";
import { prisma } from "~/utils/db.server";

/** Small deterministic PRNG (mulberry32) so every demo install shows the same figures. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = [
  "Đường liên thôn xuống cấp, nhiều ổ gà sau mùa mưa.",
  "Rác thải được thu gom đều, đường làng sạch sẽ.",
  "Nước máy thỉnh thoảng có mùi clo, mất nước vào buổi chiều.",
  "Đèn đường ngõ xóm hỏng chưa được thay.",
  "An ninh tốt, công an xã nhiệt tình.",
  "Bãi rác tạm gần khu dân cư gây mùi.",
  "Đường mới làm đẹp nhưng thiếu biển báo.",
  "Giá nước sạch cao so với thu nhập.",
];

function decisionNumber(rand: () => number, year: number) {
  return `${100 + Math.floor(rand() * 4800)}/QĐ-UBND (${year})`;
}

export async function seedDemoData({ now = new Date(), seed = 2025 } = {}) {
  const rand = rng(seed);
  const communes = await prisma.commune.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, kind: true, region: true },
  });
  const criteria = await prisma.criterion.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { id: true, key: true },
  });
  const levels = Object.fromEntries(
    (await prisma.recognitionLevel.findMany({ select: { id: true, key: true } })).map((l) => [l.key, l.id]),
  );

  // Recognition: xã and special zones (wards are urban and are not recognised as NTM).
  const rural = communes.filter((c) => c.kind !== "phuong");
  const shuffle = <T>(xs: T[]) =>
    xs
      .map((x) => [rand(), x] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, x]) => x);
  const east = shuffle(rural.filter((c) => c.region === "east"));
  const west = shuffle(rural.filter((c) => c.region === "west"));
  const model = new Set(
    [...east.slice(0, Math.round(east.length * 0.584)), ...west.slice(0, Math.round(west.length * 0.212))].map((c) => c.id),
  );
  const advanced = new Set([...east, ...west.slice(0, Math.round(west.length * 0.497))].map((c) => c.id));
  const recognitions = rural.flatMap((c) => {
    const rows = [
      {
        communeId: c.id,
        levelId: levels["2021-2025/ntm"],
        decisionNumber: decisionNumber(rand, 2019),
        decidedOn: new Date(Date.UTC(2019, Math.floor(rand() * 12), 1 + Math.floor(rand() * 27))),
        isDemo: true,
      },
    ];
    if (advanced.has(c.id))
      rows.push({
        communeId: c.id,
        levelId: levels["2021-2025/nang-cao"],
        decisionNumber: decisionNumber(rand, 2022),
        decidedOn: new Date(Date.UTC(2022, Math.floor(rand() * 12), 1 + Math.floor(rand() * 27))),
        isDemo: true,
      });
    if (model.has(c.id))
      rows.push({
        communeId: c.id,
        levelId: levels["2021-2025/kieu-mau"],
        decisionNumber: decisionNumber(rand, 2024),
        decidedOn: new Date(Date.UTC(2024, Math.floor(rand() * 12), 1 + Math.floor(rand() * 27))),
        isDemo: true,
      });
    return rows;
  });
  await prisma.recognition.createMany({ data: recognitions });

  // Answers. Each commune gets a satisfaction level per criterion: East a little higher than
  // West, model communes higher still, roads and environment weakest, and one commune in five
  // with one criterion clearly failing. Sample sizes vary so that some communes have too few.
  const criterionOffset: Record<string, number> = { roads: -0.07, environment: -0.09, water: -0.05, security: -0.02, overall: 0 };
  const responses: (NewResponse & { submissionId: string })[] = [];
  const spanMs = 23 * 30 * 24 * 3600 * 1000;
  let serial = 0;
  for (const c of communes) {
    const r = rand();
    const n =
      c.kind === "phuong"
        ? r < 0.6
          ? 0
          : 2 + Math.floor(rand() * 25)
        : r < 0.1
          ? 1 + Math.floor(rand() * 8)
          : r < 0.25
            ? 10 + Math.floor(rand() * 30)
            : 50 + Math.floor(rand() * 170);
    const base = (c.region === "east" ? 0.95 : 0.88) + (model.has(c.id) ? 0.05 : 0) + (rand() - 0.5) * 0.1;
    const failing = rand() < 0.2 ? criteria[Math.floor(rand() * 4)].key : null;
    const p: Record<string, number> = {};
    for (const k of criteria) {
      const v = base + criterionOffset[k.key] + (rand() - 0.5) * 0.06 - (k.key === failing ? 0.3 : 0);
      p[k.key] = Math.min(0.995, Math.max(0.3, v));
    }
    for (let i = 0; i < n; i++) {
      // 60% of answers in the last 12 months, the rest in the 11 months before.
      const ageMs = rand() < 0.6 ? (rand() * (spanMs * 12)) / 23 : (spanMs * 12) / 23 + (rand() * (spanMs * 11)) / 23;
      const createdAt = new Date(now.getTime() - ageMs);
      const ratings = criteria.map((k) => {
        if (rand() < 0.07) return { criterionId: k.id, score: null };
        const satisfied = rand() < p[k.key];
        const score = satisfied ? (rand() < 0.45 ? 5 : 4) : 1 + Math.floor(rand() * 3);
        return { criterionId: k.id, score };
      });
      responses.push({
        communeId: c.id,
        period: periodOf(createdAt),
        createdAt,
        ratings,
        comment: rand() < 0.12 ? COMMENTS[Math.floor(rand() * COMMENTS.length)] : null,
        submissionId: `demo-${seed}-${serial++}`,
        isDemo: true,
      });
    }
  }
  await insertResponsesBulk(responses);
  await prisma.setting.upsert({
    where: { key: SETTING_KEYS.demoData },
    create: { key: SETTING_KEYS.demoData, value: "true" },
    update: { value: "true" },
  });
  return { recognitions: recognitions.length, responses: responses.length };
}

/** Removes demo rows only; real answers, recognitions, complaints and accounts stay. */
export async function removeDemoData() {
  await prisma.$transaction([
    prisma.complaint.deleteMany({ where: { isDemo: true } }),
    prisma.user.deleteMany({ where: { isDemo: true } }),
    prisma.response.deleteMany({ where: { isDemo: true } }),
    // Demo rounds, with their code batches and codes (cascade); answers in them stay, unassigned.
    prisma.surveyRound.deleteMany({ where: { isDemo: true } }),
    prisma.recognition.deleteMany({ where: { isDemo: true } }),
    prisma.setting.deleteMany({ where: { key: SETTING_KEYS.demoData } }),
  ]);
}

const COMPLAINT_TEXTS: [Category, string][] = [
  ["roads", "Đường trục thôn đoạn gần trường tiểu học bị lún, nhiều ổ gà, trời mưa đọng nước, học sinh đi lại rất nguy hiểm."],
  ["roads", "Đèn đường ngõ 3 thôn Đông hỏng hơn một tháng chưa được thay, buổi tối rất tối."],
  ["environment", "Bãi tập kết rác cạnh kênh mương bốc mùi hôi, rác tràn ra đường, đề nghị xã thu gom thường xuyên hơn."],
  ["environment", "Có cơ sở đốt rơm rạ và rác thải nhựa vào buổi tối, khói bay vào khu dân cư."],
  ["water", "Nước máy mấy hôm nay có màu vàng và mùi clo nặng, gia đình không dám dùng để nấu ăn."],
  ["water", "Khu xóm mới chưa có đường ống nước sạch, các hộ vẫn phải dùng nước giếng khoan."],
  ["security", "Thường xuyên có nhóm thanh niên đua xe máy trên đường liên xã vào ban đêm, gây mất trật tự."],
  ["security", "Nhà văn hóa thôn bị mất trộm quạt và loa, đề nghị lắp camera an ninh."],
  ["other", "Nhà văn hóa thôn xuống cấp, mái dột, không sử dụng được khi trời mưa."],
];
const REPLIES = [
  "UBND xã đã tiếp nhận và giao cán bộ địa chính kiểm tra hiện trường.",
  "Xã đã phối hợp với đơn vị thi công khắc phục xong, đề nghị bà con tiếp tục phản ánh nếu còn tồn tại.",
  "Nội dung không thuộc thẩm quyền của xã; xã đã chuyển đến đơn vị cấp nước để giải quyết.",
];

/** Demo complaints with their whole history, spread over the last 60 days, in every state. */
export async function seedDemoComplaints({ now = new Date(), seed = 2026 } = {}) {
  const rand = rng(seed);
  const officials = await prisma.user.findMany({
    where: { isDemo: true, role: "official" },
    select: { id: true, communes: { select: { communeId: true } } },
  });
  const pool = officials.flatMap((o) => o.communes.map((c) => ({ communeId: c.communeId, actorId: o.id })));
  const others = await prisma.commune.findMany({ where: { kind: "xa" }, select: { id: true }, take: 20 });
  let made = 0;
  for (let i = 0; i < 60; i++) {
    const own = i < 36 ? pool[i % pool.length] : { communeId: others[i % others.length].id, actorId: null };
    const [category, text] = COMPLAINT_TEXTS[Math.floor(rand() * COMPLAINT_TEXTS.length)];
    const createdAt = new Date(now.getTime() - rand() * 60 * 86_400_000);
    const { id } = await createComplaint({
      communeId: own.communeId,
      category,
      text,
      createdAt,
      isDemo: true,
      village: rand() < 0.5 ? `Thôn ${1 + Math.floor(rand() * 9)}` : null,
    });
    made++;
    if (!own.actorId) continue;
    // Walk part of the workflow, each step a few days after the previous.
    const steps = Math.floor(rand() * 4); // 0: new, 1: acknowledged, 2: in progress, 3: resolved
    let at = createdAt.getTime();
    const path = (["acknowledged", "in_progress", "resolved"] satisfies Status[]).slice(0, steps);
    let from: Status = "new";
    for (const to of path) {
      at = Math.min(now.getTime(), at + (1 + rand() * 6) * 86_400_000);
      const when = new Date(at);
      await prisma.complaint.update({
        where: { id },
        data: {
          status: to,
          ...(to === "acknowledged" ? { acknowledgedAt: when } : {}),
          ...(to === "resolved" ? { resolvedAt: when } : {}),
        },
      });
      await prisma.complaintEvent.create({
        data: {
          complaintId: id,
          actorId: own.actorId,
          kind: "status",
          fromStatus: from,
          toStatus: to,
          public: true,
          createdAt: when,
        },
      });
      const reply = to === "acknowledged" ? REPLIES[0] : to === "resolved" ? REPLIES[1] : null;
      if (reply)
        await prisma.complaintEvent.create({
          data: { complaintId: id, actorId: own.actorId, kind: "reply", body: reply, public: true, createdAt: when },
        });
      from = to;
    }
  }
  return { complaints: made };
}
