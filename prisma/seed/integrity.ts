// Demo data for the integrity report and the re-check (issue 10 items 7-8, decision 026): a
// pre-recognition round for Cẩm Giàng that closed ten days ago, one sealed batch of 60 codes, 34
// honest coded answers and 10 stuffed ones (all 5, one address, 5 seconds), so that the report
// has something to flag and the Front (mttq-camgiang@demo.ntm.local) can draw a re-check.
import { generateBatch, sealBatch } from "~/models/ballot.server";
import { createRound } from "~/models/round.server";
import { submitAnswer } from "~/models/survey/answers.server";
import { deriveCodes, demoBatchSeed } from "~/utils/ballot-crypto.server";
import { prisma } from "~/utils/db.server";
import { demoHouseholds } from "./register";

export const DEMO_CLOSED_ROUND_NAME = "Trước công nhận NTM nâng cao 2026, Cẩm Giàng (demo, đã kết thúc)";
const DAY = 86_400_000;

export async function seedDemoIntegrity({ now = new Date() } = {}) {
  const level = await prisma.recognitionLevel.findUniqueOrThrow({ where: { key: "2021-2025/nang-cao" } });
  const commune = await prisma.commune.findUniqueOrThrow({ where: { slug: "cam-giang" }, select: { id: true } });
  const criteria = await prisma.criterion.findMany({
    where: { active: true },
    orderBy: { sortOrder: "asc" },
    select: { id: true },
  });
  const t0 = now.getTime() - 40 * DAY;
  const round = await createRound({
    name: DEMO_CLOSED_ROUND_NAME,
    purpose: "pre_recognition",
    levelId: level.id,
    startsAt: new Date(t0),
    endsAt: new Date(now.getTime() - 10 * DAY),
    codesRequired: true,
    createdById: null,
    isDemo: true,
    communes: [{ communeId: commune.id, households: demoHouseholds("cam-giang") }],
  });
  const seed = demoBatchSeed("cam-giang", "Thôn Bắc (đợt đã kết thúc)");
  const made = await generateBatch({
    actorId: null,
    roundId: round.id,
    communeId: commune.id,
    village: "Thôn Bắc",
    count: 60,
    now: new Date(t0 + DAY),
    seed,
    isDemo: true,
  });
  if (!made.ok) throw new Error(`demo integrity batch: ${made.reason}`);
  await sealBatch({ id: made.batchId, roundId: round.id, communeId: commune.id, actorId: null, now: new Date(t0 + DAY) });
  const codes = deriveCodes(seed, 60);
  for (let i = 0; i < 44; i++) {
    const stuffed = i >= 28;
    const scores = stuffed ? [5, 5, 5, 5, 5] : [(i % 3) + 3, ((i + 1) % 5) + 1, (i % 2) + 4, ((i + 2) % 4) + 2, (i % 3) + 3];
    const r = await submitAnswer({
      channel: "online",
      communeId: commune.id,
      code: codes[i],
      ratings: criteria.map((c, k) => ({ criterionId: c.id, score: scores[k % scores.length] })),
      ipHash: stuffed ? "demo-one-address" : `demo-home-${i}`,
      submissionId: crypto.randomUUID(),
      at: new Date(t0 + 2 * DAY + (stuffed ? 20 * DAY + i * 60_000 : i * 9 * 3_600_000)),
      durationSeconds: stuffed ? 5 : 90 + ((i * 37) % 200),
      isDemo: true,
    });
    if (!r.ok) throw new Error(`demo integrity answer: ${r.reason}`);
  }
  return { roundId: round.id, answers: 44 };
}
